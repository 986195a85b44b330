// The one error hierarchy. Services and controllers throw these; lib/http/error-response.ts is
// the only place that turns a type into an HTTP status (ERROR_STATUS, checked by the compiler).

export const ERROR_TYPES = [
  "bad_request",
  "validation_error",
  "invalid_auth",
  "invalid_token",
  "auth_mismatch",
  "access_denied",
  "account_limit_exceeded",
  "not_found",
  "unrecognized_request",
  "method_not_supported",
  "conflict",
  "payload_too_large",
  "rate_limited",
  "internal_server_error",
] as const;

export type ErrorType = (typeof ERROR_TYPES)[number];

export interface FieldError {
  name: string;
  message: string;
}

export class ApiError extends Error {
  readonly type: ErrorType;
  readonly fields: FieldError[] | undefined;
  /** Seconds, for rate_limited answers (sent as Retry-After). */
  readonly retryAfter: number | undefined;

  constructor(type: ErrorType, message: string, options: { fields?: FieldError[]; retryAfter?: number } = {}) {
    super(message);
    this.name = "ApiError";
    this.type = type;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }
}

// The agent recognises these two bodies literally and re-registers on either (docs/api.md#errors).
export const DEVICE_NOT_FOUND = "Cannot find device";
export const AUTHENTICATION_FAILED = "Authentication failed";

export const badRequest = (message: string) => new ApiError("bad_request", message);
export const validationError = (message: string, fields: FieldError[]) =>
  new ApiError("validation_error", message, { fields });
/** A validation_error whose message names every field at fault: "Invalid <what>: name: message; …". */
export const fieldsError = (what: string, fields: FieldError[]) =>
  validationError(`Invalid ${what}: ${fields.map((f) => `${f.name}: ${f.message}`).join("; ")}`, fields);
export const invalidAuth = (message = "Missing or malformed Authorization header") =>
  new ApiError("invalid_auth", message);
export const invalidToken = () => new ApiError("invalid_token", AUTHENTICATION_FAILED);
export const authMismatch = (message: string) => new ApiError("auth_mismatch", message);
export const accessDenied = (message = "Your role does not allow this request") =>
  new ApiError("access_denied", message);
export const notFound = (message: string) => new ApiError("not_found", message);
export const conflict = (message: string) => new ApiError("conflict", message);
export const rateLimited = (retryAfter: number, message = "Too many requests, try again later") =>
  new ApiError("rate_limited", message, { retryAfter });
