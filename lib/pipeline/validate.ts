import type { z } from "zod";
import { fieldErrorsOf } from "../contracts/field-errors";
import { fieldsError } from "../errors";

/** The value as the schema parses it, or a validation_error naming every field at fault. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw fieldsError(what, fields);
  }
  return parsed.data;
}
