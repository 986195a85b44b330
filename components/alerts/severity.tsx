import { SEVERITIES, type Severity } from "@/lib/contracts/alert";

// A severity is always written as well as coloured (colour alone says nothing to some readers),
// and each pair of text and background colours meets WCAG AA contrast (4.5:1 at this size).
export const SEVERITY_STYLES: Record<Severity, string> = {
  info: "border-sky-300 bg-sky-50 text-sky-900",
  warning: "border-amber-400 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-800",
  critical: "border-red-800 bg-red-700 text-white",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  info: "Info",
  warning: "Warning",
  error: "Error",
  critical: "Critical",
};

export const SEVERITY_OPTIONS = SEVERITIES.map((severity) => ({ value: severity, label: SEVERITY_LABELS[severity] }));

/** A severity as a coloured label: the word carries the meaning, the colour helps scanning. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span
      className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${SEVERITY_STYLES[severity]}`}
    >
      {SEVERITY_LABELS[severity]}
    </span>
  );
}

/** The most severe of the severities that have a count above zero; null when none has. */
export function highestSeverity(counts: Partial<Record<Severity, number>>): Severity | null {
  return [...SEVERITIES].reverse().find((severity) => (counts[severity] ?? 0) > 0) ?? null;
}
