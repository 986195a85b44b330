import fc from "fast-check";
import { resolve, violations, type Schema } from "./json-schema";

// Values from a JSON Schema: ones meant to satisfy it, and ones meant to break exactly one of its
// rules. They only aim: whoever uses a value asks the judge (json-schema.ts) for the verdict, so
// a generator that misreads a keyword produces other cases, never a wrong verdict (and, having no
// filter, never spins looking for a value that does not exist).

/** Known good values for properties by name (real ids, a real invite): tried beside random ones. */
export type Hints = (property: string) => readonly unknown[];
type Node = Exclude<Schema, boolean>;

// Printable ASCII most of the time; any code point (NUL included) some of the time.
const text = (constraints: { minLength?: number; maxLength?: number }) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ ...constraints, unit: "grapheme-ascii" }) },
    { weight: 1, arbitrary: fc.string({ ...constraints, unit: "binary" }) },
  );

// Longer strings only show off maxLength; the body limit is not what these cases are about.
const LONGEST = 300;
const ANY_JSON = fc.jsonValue({ maxDepth: 2 });

function stringOf(node: Node): fc.Arbitrary<string> {
  const minLength = (node.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((node.maxLength as number | undefined) ?? LONGEST, LONGEST);
  const patterns = [node.pattern, ...((node.allOf as Node[] | undefined) ?? []).map((part) => part.pattern)];
  const pattern = patterns.find((p): p is string => typeof p === "string");
  if (pattern) return fc.stringMatching(new RegExp(pattern, "u"), { maxLength });
  if (node.format === "date-time")
    return fc
      .date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString());
  return text({ minLength, maxLength });
}

function objectOf(node: Node, root: unknown, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const properties = (node.properties ?? {}) as Record<string, Schema>;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, schema] of Object.entries(properties)) {
    const known = hints(name).filter((value) => violations(schema, value, root).length === 0);
    const made = fittingValue(schema, root, hints);
    fields[name] = known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, made) : made;
  }
  const named = fc.record(fields, { requiredKeys: (node.required ?? []) as string[] });
  const extra = node.additionalProperties;
  if (extra === undefined || extra === false || Object.keys(properties).length) return named;
  const key = node.propertyNames
    ? (fittingValue(node.propertyNames as Schema, root, hints) as fc.Arbitrary<string>)
    : text({ maxLength: 20 });
  return fc.dictionary(key, fittingValue(extra as Schema, root, hints), { maxKeys: 4 });
}

/** Values meant to satisfy `schema`. */
export function fittingValue(schema: Schema, root: unknown, hints: Hints = () => []): fc.Arbitrary<unknown> {
  const node = resolve(schema, root);
  if (typeof node === "boolean") return ANY_JSON;
  if ("const" in node) return fc.constant(node.const);
  if (Array.isArray(node.enum)) return fc.constantFrom(...node.enum);
  if (Array.isArray(node.anyOf)) return fc.oneof(...node.anyOf.map((branch) => fittingValue(branch, root, hints)));
  const types = ([] as unknown[]).concat(node.type ?? []);
  if (types.length > 1) return fc.oneof(...types.map((type) => fittingValue({ ...node, type }, root, hints)));
  switch (types[0]) {
    case "string":
      return stringOf(node);
    case "integer":
      return fc.integer({
        min: Math.max((node.minimum as number | undefined) ?? -1e9, Number.MIN_SAFE_INTEGER),
        max: Math.min((node.maximum as number | undefined) ?? 1e9, Number.MAX_SAFE_INTEGER),
      });
    case "number":
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: node.minimum as number | undefined,
        max: node.maximum as number | undefined,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(fittingValue((node.items ?? true) as Schema, root, hints), {
        minLength: (node.minItems as number | undefined) ?? 0,
        maxLength: Math.min((node.maxItems as number | undefined) ?? 4, 4),
      });
    case "object":
      return objectOf(node, root, hints);
    default:
      return ANY_JSON;
  }
}

// One value of every JSON type: whatever the schema's type, some of these break it.
const OTHER_TYPES = fc.constantFrom<unknown>(null, true, 7, 1.5, "text", [], [{ wrong: true }], { wrong: true });

/** Breaks of a string's own rules: one character past its length, or text its pattern refuses. */
function brokenString(node: Node): fc.Arbitrary<unknown>[] {
  const breaks: fc.Arbitrary<unknown>[] = [];
  if (typeof node.maxLength === "number")
    breaks.push(text({ minLength: node.maxLength + 1, maxLength: node.maxLength + 3 }));
  if (typeof node.minLength === "number" && node.minLength > 0) breaks.push(text({ maxLength: node.minLength - 1 }));
  if (node.pattern || node.allOf || node.format || node.enum)
    breaks.push(text({ maxLength: 40 }), fc.constantFrom(" ", "\n", "\t x"));
  return breaks;
}

/** Breaks inside an object: a required property dropped, an unknown one added, one property broken. */
function brokenObject(node: Node, root: unknown, hints: Hints): fc.Arbitrary<unknown>[] {
  const properties = (node.properties ?? {}) as Record<string, Schema>;
  const whole = objectOf(node, root, hints);
  const breaks: fc.Arbitrary<unknown>[] = [];
  const required = (node.required ?? []) as string[];
  if (required.length)
    breaks.push(
      fc
        .tuple(whole, fc.constantFrom(...required))
        .map(([value, name]) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== name))),
    );
  if (node.additionalProperties === false) breaks.push(whole.map((value) => ({ ...value, surpriseField: 1 })));
  const names = Object.keys(properties);
  if (names.length)
    breaks.push(
      fc
        .constantFrom(...names)
        .chain((name) =>
          fc
            .tuple(whole, breakingValue(properties[name]!, root, hints))
            .map(([value, broken]) => ({ ...value, [name]: broken })),
        ),
    );
  return breaks;
}

/** Values `schema` refuses. */
export function breakingValue(schema: Schema, root: unknown, hints: Hints = () => []): fc.Arbitrary<unknown> {
  const node = resolve(schema, root);
  if (typeof node === "boolean") return OTHER_TYPES.filter(() => node === false);
  const types = ([] as unknown[]).concat(node.type ?? []);
  const breaks: fc.Arbitrary<unknown>[] = [OTHER_TYPES];
  if (types.includes("string")) breaks.push(...brokenString(node));
  if (types.includes("object")) breaks.push(...brokenObject(node, root, hints));
  if (types.includes("array") && node.items !== undefined)
    breaks.push(breakingValue(node.items as Schema, root, hints).map((item) => [item]));
  if (types.includes("integer") || types.includes("number"))
    breaks.push(
      fc.constantFrom<unknown>(
        -1e12,
        1e12,
        0.5,
        ((node.minimum as number | undefined) ?? 0) - 1,
        ((node.maximum as number | undefined) ?? 0) + 1,
      ),
    );
  if (Array.isArray(node.anyOf)) breaks.push(...node.anyOf.map((branch) => breakingValue(branch, root, hints)));
  return fc.oneof(...breaks);
}
