import type { ApiError, ErrorType } from "../errors";

// The one place an error type becomes an HTTP status (decision 001).
export const ERROR_STATUS = {
  bad_request: 400,
  validation_error: 400,
  invalid_auth: 401,
  invalid_token: 401,
  auth_mismatch: 401,
  access_denied: 403,
  account_limit_exceeded: 403,
  not_found: 404,
  unrecognized_request: 404,
  method_not_supported: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_server_error: 500,
} as const satisfies Record<ErrorType, number>;

/** Plain text by default (the Ioto agent and curl); the Izuma JSON model when JSON is accepted. */
export function errorResponse(error: ApiError, requestId: string, accept: string | null): Response {
  const status = ERROR_STATUS[error.type];
  const headers = new Headers({ "X-Request-ID": requestId, "Cache-Control": "no-store" });
  if (error.retryAfter !== undefined) headers.set("Retry-After", String(Math.max(1, Math.ceil(error.retryAfter))));
  if (accept && /application\/(json|\*)/i.test(accept)) {
    headers.set("Content-Type", "application/json");
    const body = {
      object: "error",
      code: status,
      type: error.type,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      request_id: requestId,
    };
    return new Response(JSON.stringify(body), { status, headers });
  }
  headers.set("Content-Type", "text/plain; charset=utf-8");
  return new Response(error.message, { status, headers });
}
