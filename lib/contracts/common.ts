import { z } from "zod";

// Field schemas shared by several controllers: bounded, trimmed strings (docs/style.md#one-contract-per-verb).

/**
 * Text kept without its surrounding spaces. Its length limit applies to the text as sent, and
 * required text must hold something besides spaces: checks that the OpenAPI document can state,
 * so it states exactly what is accepted (" " passes no documented minLength only to fail after).
 * A check chained after it would see the trimmed text and the document would not say so.
 */
export function trimmedText(max: number, { required = true } = {}) {
  const sent = z.string().max(max);
  return (required ? sent.regex(/\S/, "Required") : sent).trim();
}

export const idField = trimmedText(64);
export const nameField = trimmedText(100);
export const descriptionField = trimmedText(1000, { required: false });
// As sent, then kept in lower case; the document states the pattern it must match.
export const emailField = z.email("Not a valid email address").max(254).toLowerCase();
/** A password being set. The server also refuses easy-to-guess ones (lib/security/password-policy.ts). */
export const passwordField = z
  .string()
  .min(8, "At least 8 characters")
  .max(256)
  .describe(
    "At least 8 characters. Common, breached or easily guessed passwords, and ones made of the email or names, are refused with 400 validation_error on this field.",
  )
  // A check no schema can state: the document marks the field, so tools know the server may refuse
  // a value that matches its schema.
  .meta({ "x-server-judged": "password strength" });
export const timestamp = z.iso.datetime();

/** The instants every engine stores: years 1 to 9999 (PostgreSQL has no year 0). */
export const STORABLE_TIMES = {
  earliest: Date.parse("0001-01-01T00:00:00Z"),
  latest: Date.parse("9999-12-31T23:59:59.999Z"),
} as const;

/** A query parameter that an empty value leaves unset, as HTML forms send unset fields. */
const unsetWhenEmpty = (text: z.ZodString) =>
  text
    .optional()
    .transform((value) => value || undefined)
    .meta({ allowEmptyValue: true });

/** Query-string options of every list (docs/api.md#lists). */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(50).describe("Items per page"),
  next: unsetWhenEmpty(z.string().max(512)).describe("The `next` of a previous answer: the page after it"),
  prev: unsetWhenEmpty(z.string().max(512)).describe("The `prev` of a previous answer: the page before it"),
  order: z.enum(["ASC", "DESC", "asc", "desc"]).optional().describe("Of the sort column (audit: DESC by default)"),
  include: z.string().max(100).optional().describe("`total_count` adds the number of matching items"),
  filter: z
    .string()
    .max(200)
    .regex(/^[^\u0000]*$/, "No U+0000")
    .optional()
    .describe("Text the name-like fields contain, in any case"),
  sort: unsetWhenEmpty(z.string().max(64)).describe("The column to order by"),
});
