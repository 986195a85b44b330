import { useId, type ReactNode } from "react";

/** A titled part of a page, named by its heading for assistive technology; actions sit beside the title. */
export function Section({
  title,
  description,
  actions,
  children,
  className = "",
  level = 2,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** 3 inside a part that has its own h2 (the product panel). */
  level?: 2 | 3;
}) {
  const headingId = useId();
  const Heading = level === 3 ? "h3" : "h2";
  return (
    <section aria-labelledby={headingId} className={`min-w-0 space-y-3 ${className}`}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="min-w-0">
          <Heading id={headingId} className="font-semibold">
            {title}
          </Heading>
          {description && <p className="text-sm text-muted">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
