import type { z } from "zod";
import type { FieldError } from "../errors";

/**
 * A contract's refusal, one entry per input: what the API answers in `fields`, and what the
 * portal's forms show on each input before anything is sent.
 */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ name: [...issue.path, key].join("."), message: "Unknown field" }))
      : [{ name: issue.path.join(".") || "(body)", message: issue.message }],
  );
}
