import type { FieldDefinition } from "../../contracts/data-schema";
import { STORE_TYPES, type StoreType, type StoreValue } from "../../contracts/store";
import type { FieldError } from "../../errors";
import { newId } from "../../ids";
import { keyFieldsOf, type ItemModel } from "./models";

// An item's fields checked against its model. The agent's database writes every value as text
// ("21.5" for a number, "1" for true), so text that reads as the declared type is taken as that
// type, from a device or a person alike; anything else is refused field by field.

/** An item's own fields as JSON, at most: larger items are refused (or, from a device, skipped). */
export const MAX_ITEM_BYTES = 64 * 1024;

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = (message: string): Checked<never> => ({ ok: false, message });

function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || !value.trim()) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  // The agent sends a boolean as %g or %lf: "1", "0", 1.000000.
  const number = numberOf(value);
  return number === 1 ? true : number === 0 ? false : undefined;
}

/** An ISO 8601 instant, from one or from epoch milliseconds. */
export function instantOf(value: unknown): Date | undefined {
  const time = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time) : undefined;
}

function typed(definition: FieldDefinition, value: unknown): Checked<unknown> {
  switch (definition.type) {
    case "string":
      return typeof value === "string" ? ok(value) : refuse("Expected text");
    case "number": {
      const number = numberOf(value);
      return number === undefined ? refuse("Expected a number") : ok(number);
    }
    case "boolean": {
      const flag = booleanOf(value);
      return flag === undefined ? refuse("Expected true or false") : ok(flag);
    }
    case "date": {
      const instant = instantOf(value);
      return instant ? ok(instant.toISOString()) : refuse("Expected an ISO 8601 date or epoch milliseconds");
    }
    case "array":
      return Array.isArray(value) ? ok(value) : refuse("Expected an array");
    case "object":
      return value !== undefined && value !== null ? ok(value) : refuse("Expected a value");
  }
}

function checkField(definition: FieldDefinition, value: unknown): Checked<unknown> {
  const checked = typed(definition, value);
  if (checked.ok && definition.enum && !definition.enum.includes(String(checked.value)))
    return refuse(`One of ${definition.enum.join(", ")}`);
  return checked;
}

/** Store's value as its type says (the type is inferred from the value when not given). */
export function typedStoreValue(value: unknown, type?: string): Checked<{ value: StoreValue; type: StoreType }> {
  const kind = type ?? (typeof value === "object" ? "object" : typeof value);
  if (!(STORE_TYPES as readonly string[]).includes(kind)) return refuse(`type: one of ${STORE_TYPES.join(", ")}`);
  if (value === undefined || value === null) return refuse("value: Required");
  if (kind === "number") {
    const number = numberOf(value);
    return number === undefined ? refuse("value: Expected a number") : ok({ value: number, type: "number" });
  }
  if (kind === "boolean") {
    const flag = booleanOf(value);
    return flag === undefined ? refuse("value: Expected true or false") : ok({ value: flag, type: "boolean" });
  }
  if (kind === "object") {
    const object = typeof value === "string" ? parseJsonObject(value) : value;
    return typeof object === "object" && object !== null
      ? ok({ value: object as StoreValue, type: "object" })
      : refuse("value: Expected an object or array (or its JSON text)");
  }
  return typeof value === "object" ? refuse("value: Expected text") : ok({ value: String(value), type: "string" });
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Store's value as the agent's store/get reads it: bare text. */
export function storeValueText(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value ?? "");
}

export interface CheckedFields {
  fields: Record<string, unknown>;
  problems: FieldError[];
}

/**
 * The model's fields out of `input` (a whole item), typed; fields the model does not declare are
 * dropped, as the agent's database drops them. Required fields must be there, and a key field the
 * model generates (an ID) is made when missing.
 */
export function checkItemFields(model: ItemModel, input: Record<string, unknown>): CheckedFields {
  const fields: Record<string, unknown> = {};
  const problems: FieldError[] = [];
  for (const [name, definition] of Object.entries(model.fields)) {
    const value = input[name];
    if (value === undefined) {
      if (definition.generate && keyFieldsOf(model).includes(name)) fields[name] = newId();
      else if (definition.required) problems.push({ name, message: "Required" });
      continue;
    }
    const checked = checkField(definition, value);
    if (checked.ok) fields[name] = checked.value;
    else problems.push({ name, message: checked.message });
  }
  if (model.name === "Store" && (fields.value !== undefined || fields.type !== undefined)) {
    const store = typedStoreValue(fields.value, fields.type as string | undefined);
    if (store.ok) Object.assign(fields, store.value);
    else problems.push({ name: store.message.split(":")[0]!, message: store.message });
  }
  if (!problems.length && JSON.stringify(fields).length > MAX_ITEM_BYTES)
    problems.push({ name: "_type", message: `The item is larger than ${MAX_ITEM_BYTES} bytes` });
  return { fields, problems };
}
