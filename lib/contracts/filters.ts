import { z } from "zod";

// Izuma-style field filters (API.md §3): `field` and `field__eq` match exactly, `__neq`, `__lte`,
// `__gte`, `__in` and `__nin` compare (yes/no fields: `__eq` and `__neq` only). Dates accept
// RFC 3339 and the compact 20161130T162512Z.

export type FilterKind = "string" | "date" | "boolean" | "number" | readonly [string, ...string[]];
export type FilterSpec = Readonly<Record<string, FilterKind>>;
export const FILTER_OPERATORS = ["eq", "neq", "lte", "gte", "in", "nin"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** A yes/no field has no order, and a set of its values is one value or any: it offers equality. */
const operatorsOf = (kind: FilterKind): readonly FilterOperator[] =>
  kind === "boolean" ? ["eq", "neq"] : FILTER_OPERATORS;

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/;

/** Parses RFC 3339 or the compact form to a Date; undefined when neither. */
export function parseFilterDate(text: string): Date | undefined {
  const compact = COMPACT_DATE.exec(text);
  const iso = compact
    ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}${compact[7] ?? ""}Z`
    : text;
  if (!compact && !z.iso.datetime({ offset: true }).safeParse(text).success) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dateValue = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const date = parseFilterDate(text);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "Expected an RFC 3339 date or 20161130T162512Z" });
      return z.NEVER;
    }
    return date;
  });

function valueSchema(kind: FilterKind): z.ZodType {
  if (kind === "string") return z.string().max(200);
  if (kind === "date") return dateValue;
  if (kind === "boolean") return z.boolean();
  if (kind === "number") return z.number();
  return z.enum(kind);
}

/** The body fields a find verb accepts for the given filterable fields. */
export function filterShape(spec: FilterSpec): Record<string, z.ZodOptional<z.ZodType>> {
  const shape: Record<string, z.ZodOptional<z.ZodType>> = {};
  for (const [field, kind] of Object.entries(spec)) {
    const value = valueSchema(kind);
    shape[field] = value.optional();
    for (const op of operatorsOf(kind)) {
      shape[`${field}__${op}`] = (op === "in" || op === "nin" ? z.array(value).max(1000) : value).optional();
    }
  }
  return shape;
}

export interface FieldCondition {
  field: string;
  op: FilterOperator;
  value: unknown;
}

/** Pulls the filter conditions out of a parsed find body. */
export function conditionsOf(input: Record<string, unknown>, spec: FilterSpec): FieldCondition[] {
  const conditions: FieldCondition[] = [];
  for (const [field, kind] of Object.entries(spec)) {
    if (input[field] !== undefined) conditions.push({ field, op: "eq", value: input[field] });
    for (const op of operatorsOf(kind)) {
      const value = input[`${field}__${op}`];
      if (value !== undefined) conditions.push({ field, op, value });
    }
  }
  return conditions;
}
