import type { z } from "zod";
import { validationError, type FieldError } from "../errors";

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ name: [...issue.path, key].join("."), message: "Unknown field" }))
      : [{ name: issue.path.join(".") || "(body)", message: issue.message }],
  );
}

/** The value as the schema parses it, or a validation_error naming every field at fault. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw validationError(`Invalid ${what}: ${fields.map((f) => `${f.name}: ${f.message}`).join("; ")}`, fields);
  }
  return parsed.data;
}
