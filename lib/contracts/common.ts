import { z } from "zod";

// Field schemas shared by several controllers: bounded, trimmed strings (docs/style.md#one-contract-per-verb).

export const idField = z.string().trim().min(1, "Required").max(64);
export const nameField = z.string().trim().min(1, "Required").max(100);
export const descriptionField = z.string().trim().max(1000);
export const emailField = z.string().trim().toLowerCase().max(254).pipe(z.email("Not a valid email address"));
/** A password being set. The server also refuses easy-to-guess ones (lib/security/password-policy.ts). */
export const passwordField = z
  .string()
  .min(8, "At least 8 characters")
  .max(256)
  .describe(
    "At least 8 characters. Common, breached or easily guessed passwords, and ones made of the email or names, are refused with 400 validation_error on this field.",
  );
export const timestamp = z.iso.datetime();

/** Query-string options of every list (docs/api.md#lists). */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  next: z.string().max(512).optional(),
  prev: z.string().max(512).optional(),
  order: z.enum(["ASC", "DESC", "asc", "desc"]).optional(),
  include: z.string().max(100).optional(),
  filter: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
});
