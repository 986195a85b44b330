// Conditions on a list's rows, written once and spoken two ways: as a Prisma `where` (inside
// transactions, and on every list without a raw reader) and as SQL for the raw reader
// (docs/decisions/006). A parity test holds the two to the same answers.

export type Comparison = "eq" | "neq" | "lt" | "gt" | "lte" | "gte" | "in" | "nin" | "contains";
export type Value = string | number | boolean | Date | null;

export type Where =
  { and: Where[] } | { or: Where[] } | { field: string; op: Comparison; value: Value | readonly Value[] };

export const all = (...parts: Array<Where | undefined>): Where => ({
  and: parts.filter((part): part is Where => part !== undefined),
});

/** Equality on each field: the fixed part of a list's conditions (account, kind…). */
export const equal = (fields: Record<string, Value>): Where => ({
  and: Object.entries(fields).map(([field, value]) => ({ field, op: "eq" as const, value })),
});

const PRISMA_OPERATOR: Record<Exclude<Comparison, "eq" | "neq">, string> = {
  lt: "lt",
  gt: "gt",
  lte: "lte",
  gte: "gte",
  in: "in",
  nin: "notIn",
  contains: "contains",
};

/**
 * The semantics are Prisma's, which the SQL below repeats: `neq` is SQL's `<>` (a row whose
 * column is empty matches neither `eq` nor `neq`), and `contains` is a LIKE that ignores case.
 */
export function toPrisma(where: Where, engine: "sqlite" | "postgres"): Record<string, unknown> {
  if ("and" in where) return { AND: where.and.map((part) => toPrisma(part, engine)) };
  if ("or" in where) return { OR: where.or.map((part) => toPrisma(part, engine)) };
  const { field, op, value } = where;
  if (op === "eq") return { [field]: value };
  if (op === "neq") return { [field]: { not: value } };
  if (op === "contains" && engine === "postgres") return { [field]: { contains: value, mode: "insensitive" } };
  return { [field]: { [PRISMA_OPERATOR[op]]: value } };
}

/** How a dialect spells a parameter, and what it binds for a value. */
export interface Dialect {
  placeholder(index: number): string;
  bind(value: Value): unknown;
  /** A case-insensitive LIKE. */
  like: string;
}

const SQL_OPERATOR: Record<"lt" | "gt" | "lte" | "gte", string> = { lt: "<", gt: ">", lte: "<=", gte: ">=" };

/** `column` maps a field to its quoted, qualified column; parameters are appended to `params`. */
export function toSql(where: Where, column: (field: string) => string, dialect: Dialect, params: unknown[]): string {
  const param = (value: Value) => {
    params.push(dialect.bind(value));
    return dialect.placeholder(params.length);
  };
  if ("and" in where) {
    const parts = where.and.map((part) => toSql(part, column, dialect, params));
    return parts.length ? `(${parts.join(" AND ")})` : "1=1";
  }
  if ("or" in where) {
    const parts = where.or.map((part) => toSql(part, column, dialect, params));
    return parts.length ? `(${parts.join(" OR ")})` : "1=0";
  }
  const { field, op } = where;
  const col = column(field);
  if (op === "in" || op === "nin") {
    const values = where.value as readonly Value[];
    if (!values.length) return op === "in" ? "1=0" : "1=1";
    return `${col} ${op === "in" ? "IN" : "NOT IN"} (${values.map(param).join(", ")})`;
  }
  const value = where.value as Value;
  if (op === "eq") return value === null ? `${col} IS NULL` : `${col} = ${param(value)}`;
  if (op === "neq") return value === null ? `${col} IS NOT NULL` : `${col} <> ${param(value)}`;
  // As Prisma spells it: `%` and `_` in the text stay wildcards (noted in decision 006).
  if (op === "contains") return `${col} ${dialect.like} ('%' || ${param(value)} || '%')`;
  return `${col} ${SQL_OPERATOR[op]} ${param(value)}`;
}
