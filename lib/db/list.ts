import { conditionsOf, type FieldCondition, type FilterSpec } from "../contracts/filters";
import { env } from "../env";
import type { Page, PageRequest } from "../paging";

// Keyset pagination on the natural key (created, id) and Izuma filters, for every list.

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
export function filterWhere(input: Record<string, unknown>, spec: FilterSpec, columns: Record<string, string> = {}): ListWhere {
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

export async function listPage<Row extends { id: string; created: Date | null }>(
  page: PageRequest,
  where: ListWhere,
  findMany: (args: FindArgs) => Promise<Row[]>,
  count: (args: { where: ListWhere }) => Promise<number>,
): Promise<Page<Row>> {
  const { backward, ascending } = scanDirection(page);
  const sort = ascending ? "asc" : "desc";
  const keyset = page.cursor
    ? (() => {
        const created = new Date(page.cursor.created);
        const cmp = ascending ? "gt" : "lt";
        return { OR: [{ created: { [cmp]: created } }, { created, id: { [cmp]: page.cursor.id } }] };
      })()
    : undefined;
  const rows = await findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: [{ created: sort }, { id: sort }],
    take: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  if (backward) items.reverse();
  const key = (row: Row | undefined, dir: "next" | "prev") =>
    row ? { created: (row.created ?? new Date(0)).toISOString(), id: row.id, dir } : null;
  const next = backward || more ? key(items.at(-1), "next") : null;
  const prev = page.cursor && (!backward || more) ? key(items[0], "prev") : null;
  const total = page.includeTotal ? await count({ where }) : undefined;
  return { items, next, prev, ...(total === undefined ? {} : { total }) };
}
