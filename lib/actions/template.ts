// The message templates of actions: `${name}` is replaced by the context's value of that name
// (`${alert.name}` reaches into an object). Substitution only: the text is never evaluated, and a
// name the context does not hold stays as written, so a typo shows in the message rather than
// vanishing.

const PLACEHOLDER = /\$\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}/g;

function lookup(context: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = context;
  for (const part of path.split(".")) {
    // Own properties only: `${constructor}` must not find Object.prototype's.
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

export function renderTemplate(text: string, context: Readonly<Record<string, unknown>>): string {
  return text.replace(PLACEHOLDER, (whole, path: string) => {
    const value = lookup(context, path);
    return value === undefined || value === null ? whole : textOf(value);
  });
}
