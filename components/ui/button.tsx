import type { ComponentProps } from "react";

const LOOKS = {
  primary: "bg-brand text-white hover:bg-brand-dark disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-ink hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-danger text-white hover:bg-red-800 disabled:bg-slate-400",
  quiet: "text-brand-dark underline-offset-2 hover:underline disabled:text-slate-400",
} as const;

/** A button's look, for a link that acts as one (a page's main action that navigates). */
export const buttonClass = (look: keyof typeof LOOKS = "primary", className = "") =>
  `inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand ${LOOKS[look]} ${className}`;

export function Button({
  look = "primary",
  className = "",
  type = "button",
  ...props
}: ComponentProps<"button"> & { look?: keyof typeof LOOKS }) {
  return <button type={type} className={buttonClass(look, className)} {...props} />;
}
