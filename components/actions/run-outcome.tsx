import type { RunOutcome as Outcome } from "@/lib/contracts/action";

// Outcomes are written, and coloured only to help scanning; each pair meets WCAG AA contrast.
const STYLES: Record<Outcome, string> = {
  queued: "bg-slate-100 text-slate-800",
  running: "bg-blue-50 text-blue-900",
  delivering: "bg-blue-50 text-blue-900",
  succeeded: "bg-green-50 text-green-900",
  failed: "bg-red-50 text-red-800",
  skipped: "bg-slate-100 text-slate-800",
};

export function RunOutcome({ outcome }: { outcome: Outcome }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLES[outcome]}`}>{outcome}</span>
  );
}
