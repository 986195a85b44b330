import type { ReactNode } from "react";

/** Header cells as [label, classes]; the classes hide a column below a breakpoint. */
export type Columns = ReadonlyArray<readonly [label: string, className: string]>;

/** A bordered table that scrolls sideways on a phone; the caption names it for screen readers. */
export function DataTable({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>{head}</tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

export function ColumnHeads({ columns }: { columns: Columns }) {
  return (
    <>
      {columns.map(([label, className]) => (
        <th key={label} scope="col" className={`px-3 py-2 text-left font-medium ${className}`}>
          {label}
        </th>
      ))}
    </>
  );
}

/** The head of the column of row buttons: blank to the eye, named for screen readers. */
export function ActionsHead() {
  return (
    <th scope="col" className="px-3 py-2 text-right font-medium">
      <span className="sr-only">Actions</span>
    </th>
  );
}
