import type { ReactNode } from "react";

/** A term and what it reads: one row of a detail page's card. */
export type DefinitionRow = [string, ReactNode];

/**
 * A detail page's card of terms and values. `narrow` is for short terms; `mono` for names and
 * values as stored (an alert's context). Class names stay whole so that Tailwind finds them.
 */
export function DefinitionList({ rows, narrow, mono }: { rows: DefinitionRow[]; narrow?: boolean; mono?: boolean }) {
  const columns = narrow ? "grid-cols-[6rem_1fr]" : "grid-cols-[8rem_1fr]";
  return (
    <dl className={`grid ${columns} gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm`}>
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className={mono ? "font-mono text-muted [overflow-wrap:anywhere]" : "text-muted"}>{term}</dt>
          <dd className={mono ? "font-mono [overflow-wrap:anywhere]" : "[overflow-wrap:anywhere]"}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
