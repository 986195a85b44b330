// The part of JSON Schema 2020-12 that the OpenAPI document uses, as the judge of what the
// document admits: the fuzzer checks answers with it, and keeps only generated inputs it agrees
// with. A keyword it does not know fails loudly, so the document cannot outgrow the judge unseen.

export type Schema = { [keyword: string]: unknown } | boolean;

/** Keywords that describe and never constrain. */
const ANNOTATIONS = new Set(["$schema", "title", "description", "default", "examples", "deprecated", "readOnly"]);
const KNOWN = new Set([
  ...ANNOTATIONS,
  "$ref",
  "type",
  "enum",
  "const",
  "anyOf",
  "allOf",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "items",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
]);

// RFC 3339 date-time and the addr-spec shape: what `format` asserts once it is asserted at all.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FORMATS: Record<string, (text: string) => boolean> = {
  "date-time": (text) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text.toUpperCase())),
  email: (text) => EMAIL.test(text),
};

/** The JSON type of a value, as `type` names it. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows a local `$ref` ("#/components/schemas/Error") within `root`. */
export function resolve<T>(node: T, root: unknown): T {
  if (!isObject(node) || typeof node.$ref !== "string") return node;
  const target = node.$ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((at, key) => (isObject(at) ? at[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), root);
  if (target === undefined) throw new Error(`Unresolvable $ref ${node.$ref}`);
  return resolve(target as T, root);
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const codePoints = (text: string) => [...text].length;

/** Why `value` does not satisfy `schema` (empty when it does), each with the path it failed at. */
export function violations(schema: Schema, value: unknown, root: unknown = schema, at = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: no value is allowed here`];
  const node = resolve(schema, root);
  if (typeof node === "boolean") return violations(node, value, root, at);
  const unknown = Object.keys(node).filter((keyword) => !KNOWN.has(keyword) && !keyword.startsWith("x-"));
  if (unknown.length) throw new Error(`${at}: the judge does not know ${unknown.join(", ")}`);
  const found: string[] = [];
  const fail = (message: string) => found.push(`${at}: ${message}`);

  const type = jsonType(value);
  if (node.type !== undefined) {
    const types = ([] as unknown[]).concat(node.type);
    if (!types.includes(type) && !(type === "integer" && types.includes("number")))
      fail(`expected ${types.join(" or ")}, got ${type}`);
  }
  if (Array.isArray(node.enum) && !node.enum.some((option) => equal(option, value)))
    fail(`expected one of ${JSON.stringify(node.enum)}`);
  if ("const" in node && !equal(node.const, value)) fail(`expected ${JSON.stringify(node.const)}`);
  if (Array.isArray(node.anyOf) && node.anyOf.every((branch) => violations(branch, value, root, at).length > 0))
    fail("matches none of anyOf");
  if (Array.isArray(node.allOf)) for (const part of node.allOf) found.push(...violations(part, value, root, at));

  if (typeof value === "string") {
    const length = codePoints(value);
    if (typeof node.minLength === "number" && length < node.minLength) fail(`shorter than ${node.minLength}`);
    if (typeof node.maxLength === "number" && length > node.maxLength) fail(`longer than ${node.maxLength}`);
    if (typeof node.pattern === "string" && !new RegExp(node.pattern, "u").test(value))
      fail(`does not match ${node.pattern}`);
    if (typeof node.format === "string") {
      const check = FORMATS[node.format];
      if (!check) throw new Error(`${at}: the judge does not know format ${node.format}`);
      if (!check(value)) fail(`not a ${node.format}`);
    }
  }
  if (typeof value === "number") {
    if (typeof node.minimum === "number" && value < node.minimum) fail(`below ${node.minimum}`);
    if (typeof node.maximum === "number" && value > node.maximum) fail(`above ${node.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof node.minItems === "number" && value.length < node.minItems) fail(`fewer than ${node.minItems} items`);
    if (typeof node.maxItems === "number" && value.length > node.maxItems) fail(`more than ${node.maxItems} items`);
    if (node.items !== undefined)
      value.forEach((item, i) => found.push(...violations(node.items as Schema, item, root, `${at}[${i}]`)));
  }
  if (isObject(value)) {
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    for (const name of (node.required ?? []) as string[]) if (!(name in value)) fail(`lacks ${name}`);
    for (const [name, item] of Object.entries(value)) {
      const path = `${at}.${name}`;
      if (node.propertyNames !== undefined)
        found.push(...violations(node.propertyNames as Schema, name, root, `${path} (name)`));
      if (Object.hasOwn(properties, name)) found.push(...violations(properties[name]!, item, root, path));
      else if (node.additionalProperties !== undefined)
        found.push(...violations(node.additionalProperties as Schema, item, root, path));
    }
  }
  return found;
}
