import { ApiClientError } from "./client";

/**
 * The API's message for one input of a form (its `fields`, docs/api.md#errors), so the form can
 * show it on that input; undefined for any other error, which the form shows as a whole.
 */
export function fieldErrorOf(error: unknown, name: string): string | undefined {
  return error instanceof ApiClientError ? error.fields.find((field) => field.name === name)?.message : undefined;
}
