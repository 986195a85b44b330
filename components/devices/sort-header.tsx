"use client";

export interface SortState {
  field: string;
  order: "ASC" | "DESC";
}

/** A column header that sorts the list by its column (the API pages in that order). */
export function SortHeader({
  label,
  field,
  sort,
  onSort,
  className = "",
}: {
  label: string;
  field: string;
  sort: SortState;
  onSort: (next: SortState) => void;
  className?: string;
}) {
  const active = sort.field === field;
  const ariaSort = active ? (sort.order === "ASC" ? "ascending" : "descending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 text-left font-medium ${className}`}>
      <button
        type="button"
        className="inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-brand"
        onClick={() => onSort({ field, order: active && sort.order === "ASC" ? "DESC" : "ASC" })}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.order === "ASC" ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );
}
