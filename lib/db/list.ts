import { conditionsOf, type FieldCondition, type FilterSpec } from "../contracts/filters";
import { env } from "../env";
import type { Page, PageRequest } from "../paging";

// Keyset pagination on (sort column, id) and Izuma filters, for every list.

export type ListWhere = Record<string, unknown>;
interface FindArgs {
  where: ListWhere;
  orderBy: Array<Record<string, "asc" | "desc">>;
  take: number;
}

const OPERATOR: Record<FieldCondition["op"], string> = {
  eq: "equals",
  neq: "not",
  lte: "lte",
  gte: "gte",
  in: "in",
  nin: "notIn",
};

/** Prisma conditions for a find body's filters. `columns` maps API fields to other columns. */
export function filterWhere(
  input: Record<string, unknown>,
  spec: FilterSpec,
  columns: Record<string, string> = {},
): ListWhere {
  const and = conditionsOf(input, spec).map(({ field, op, value }) => ({
    [columns[field] ?? field]: { [OPERATOR[op]]: value },
  }));
  return and.length ? { AND: and } : {};
}

/** Case-insensitive match of `filter=` on name-like columns (PostgreSQL needs `mode`). */
export function textWhere(text: string | undefined, columns: readonly string[]): ListWhere {
  if (!text) return {};
  const contains = env().engine === "postgres" ? { contains: text, mode: "insensitive" } : { contains: text };
  return { OR: columns.map((column) => ({ [column]: contains })) };
}

/** Which way the rows are read: a `prev` cursor reads backward and the page is then reversed. */
export function scanDirection(page: PageRequest): { backward: boolean; ascending: boolean } {
  const backward = page.cursor?.dir === "prev";
  return { backward, ascending: (page.order === "ASC") !== backward };
}

type SortValue = string | Date | null;
type OrderBy = FindArgs["orderBy"][number];

/** Rows after (or before) the cursor's edge item in (sort column, id) order; empties sort first. */
function keysetWhere(page: PageRequest, ascending: boolean): ListWhere | undefined {
  const cursor = page.cursor;
  if (!cursor) return undefined;
  const { field, kind } = page.sort;
  const cmp = ascending ? "gt" : "lt";
  const value: SortValue = cursor.key === null ? null : kind === "string" ? cursor.key : new Date(cursor.key);
  const tie = { [field]: value, id: { [cmp]: cursor.id } };
  if (value === null) return ascending ? { OR: [tie, { [field]: { not: null } }] } : tie;
  const beyond = [{ [field]: { [cmp]: value } }, tie];
  return { OR: !ascending && kind === "date?" ? [...beyond, { [field]: null }] : beyond };
}

function orderOf(page: PageRequest, ascending: boolean): FindArgs["orderBy"] {
  const sort = ascending ? "asc" : "desc";
  const { field, kind } = page.sort;
  const column: OrderBy =
    kind === "date?"
      ? ({ [field]: { sort, nulls: ascending ? "first" : "last" } } as unknown as OrderBy)
      : { [field]: sort };
  return [column, { id: sort }];
}

function keyOf(row: Record<string, unknown>, field: string): string | null {
  const value = row[field];
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? null : String(value);
}

export async function listPage<Row extends { id: string }>(
  page: PageRequest,
  where: ListWhere,
  findMany: (args: FindArgs) => Promise<Row[]>,
  count: (args: { where: ListWhere }) => Promise<number>,
): Promise<Page<Row>> {
  const { backward, ascending } = scanDirection(page);
  const keyset = keysetWhere(page, ascending);
  const rows = await findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: orderOf(page, ascending),
    take: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  if (backward) items.reverse();
  const sort = page.sort.field;
  const key = (row: Row | undefined, dir: "next" | "prev") =>
    row ? { sort, key: keyOf(row as Record<string, unknown>, sort), id: row.id, dir } : null;
  const next = backward || more ? key(items.at(-1), "next") : null;
  const prev = page.cursor && (!backward || more) ? key(items[0], "prev") : null;
  const total = page.includeTotal ? await count({ where }) : undefined;
  return { items, next, prev, ...(total === undefined ? {} : { total }) };
}
