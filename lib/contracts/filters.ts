import { z } from "zod";
import { STORABLE_TIMES } from "./common";

// Izuma-style field filters (docs/api.md#lists): `field` and `field__eq` match exactly, `__neq`, `__lte`,
// `__gte`, `__in` and `__nin` compare (yes/no fields: `__eq` and `__neq` only). Dates accept
// RFC 3339 and the compact 20161130T162512Z.

export type FilterKind = "string" | "date" | "boolean" | "number" | readonly [string, ...string[]];
export type FilterSpec = Readonly<Record<string, FilterKind>>;
export const FILTER_OPERATORS = ["eq", "neq", "lte", "gte", "in", "nin"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** A yes/no field has no order, and a set of its values is one value or any: it offers equality. */
const operatorsOf = (kind: FilterKind): readonly FilterOperator[] =>
  kind === "boolean" ? ["eq", "neq"] : FILTER_OPERATORS;

// The compact form, with the calendar of the RFC 3339 pattern (no 30 February), so that what the
// OpenAPI document states as its pattern is exactly what is accepted.
const COMPACT_DATE = new RegExp(
  "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)0229" +
    "|\\d{4}(?:(?:0[13578]|1[02])(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)(?:0[1-9]|[12]\\d|30)|02(?:0[1-9]|1\\d|2[0-8])))" +
    "T(?:[01]\\d|2[0-3])[0-5]\\d[0-5]\\d(?:\\.\\d+)?Z$",
);

const dateValue = z
  .union([z.iso.datetime({ offset: true }).max(40), z.string().max(40).regex(COMPACT_DATE)], {
    error: "Expected an RFC 3339 date or 20161130T162512Z",
  })
  .transform((text) => {
    const time = Date.parse(text.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)/, "$1-$2-$3T$4:$5:$6"));
    // Beyond what engines store, a date compares as the nearest storable one: no row lies between.
    return new Date(Math.min(Math.max(time, STORABLE_TIMES.earliest), STORABLE_TIMES.latest));
  });

/** Parses RFC 3339 or the compact form to a Date; undefined when neither. */
export function parseFilterDate(text: string): Date | undefined {
  const parsed = dateValue.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

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
