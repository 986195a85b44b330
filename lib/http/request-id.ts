import { newId } from "../ids";

const REQUEST_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The ID the server in front gave this request (lib/server/serve.ts sets it on the request and its
 * response), so the answer, the log and the audit trail agree; a fresh one where no front runs
 * (`next dev`, tests that call the adapter in-process).
 */
export function requestIdOf(header: string | null | undefined): string {
  return header && REQUEST_ID.test(header) ? header : newId();
}
