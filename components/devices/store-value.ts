import type { StoreItem, StoreType, StoreValue } from "@/lib/contracts/store";

// A Store value as a person edits it: text in a field, read back as the type they picked. The API
// takes text of the right type too (the agent sends every value as text), but the portal sends the
// value typed, so what the table shows after a save is exactly what was meant.

export const STORE_TYPE_LABELS: Record<StoreType, string> = {
  string: "Text",
  number: "Number",
  boolean: "Yes/no (boolean)",
  object: "JSON object or array",
};

/** The value as its edit field shows it. */
export function storeValueText(item: Pick<StoreItem, "type" | "value">): string {
  if (item.type === "object") return JSON.stringify(item.value, null, 2);
  return String(item.value);
}

/** The value as the table shows it: on one line, objects as compact JSON. */
export function storeValueSummary(item: Pick<StoreItem, "type" | "value">): string {
  return item.type === "object" ? JSON.stringify(item.value) : String(item.value);
}

export type ParsedStoreValue = { value: StoreValue } | { error: string };

/** Reads the text as the picked type, or says why it cannot be one. */
export function parseStoreValue(type: StoreType, text: string): ParsedStoreValue {
  switch (type) {
    case "string":
      return { value: text };
    case "number": {
      const number = Number(text.trim());
      return text.trim() !== "" && Number.isFinite(number) ? { value: number } : { error: "A number such as 21.5" };
    }
    case "boolean":
      if (text === "true" || text === "false") return { value: text === "true" };
      return { error: "true or false" };
    case "object":
      try {
        const value: unknown = JSON.parse(text);
        if (value !== null && typeof value === "object") return { value: value as StoreValue };
      } catch {
        // Shown below as the field's message.
      }
      return { error: 'A JSON object or array, such as {"mode": "eco"}' };
  }
}
