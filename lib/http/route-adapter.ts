import { ApiError, invalidAuth } from "../errors";
import { log } from "../log";
import { invoke, type Caller, type Outcome } from "../pipeline/invoke";
import type { Route } from "../pipeline/surfaces";
import { readJsonObject } from "./body";
import { clientAddressOf } from "./client-address";
import { errorResponse } from "./error-response";
import { jsonResponse } from "./json-response";
import { requestIdOf } from "./request-id";

// The HTTP side of the verb pipeline (lib/pipeline/invoke.ts): a request becomes an invocation,
// and its outcome a response. Nothing here decides who may do what.

const BEARER = /^(?:bearer\s+)?(\S+)$/i;

/** `Authorization: <secret>` or `Bearer <secret>`; null when the header cannot be read. */
function callerOf(authorization: string | null): Caller | null {
  if (!authorization) return { kind: "anonymous" };
  const secret = BEARER.exec(authorization.trim())?.[1];
  return secret ? { kind: "secret", secret } : null;
}

/** The query string's options (a list's page); most calls have none. */
function queryOf(url: string): Record<string, string> {
  const start = url.indexOf("?");
  return start < 0 ? {} : Object.fromEntries(new URLSearchParams(url.slice(start + 1)));
}

function outcomeOf(request: Request, route: Route, requestId: string): Promise<Outcome> | Outcome {
  if (request.method !== "POST") {
    const error = `Method ${request.method} is not supported: API calls use POST`;
    return { ok: false, error: new ApiError("method_not_supported", error) };
  }
  const caller = callerOf(request.headers.get("authorization"));
  if (!caller) return { ok: false, error: invalidAuth() };
  return invoke({
    route,
    caller,
    input: (limit) => readJsonObject(request, limit),
    requestId,
    address: clientAddressOf(request.headers.get("x-forwarded-for")),
    origin: request.headers.get("origin"),
    page: queryOf(request.url),
    idempotencyKey: request.headers.get("idempotency-key"),
  });
}

/** Answers one API request; every answer, success or error, carries X-Request-ID. */
export async function dispatch(request: Request, route: Route): Promise<Response> {
  const requestId = requestIdOf(request.headers.get("x-request-id"));
  const started = performance.now();
  const outcome = await outcomeOf(request, route, requestId);
  const response = outcome.ok
    ? jsonResponse(outcome.answer, requestId)
    : errorResponse(outcome.error, requestId, request.headers.get("accept"));
  // Built only when written: this runs on every request.
  if (response.status >= 500 || log.enabled("debug")) {
    const fields = {
      requestId,
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
    };
    if (response.status >= 500) log.warn("request failed", fields);
    else log.debug("request", fields);
  }
  return response;
}

export interface VerbParams {
  params: Promise<{ controller: string; verb: string }>;
}

export function everyMethod<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return {
    GET: handler,
    POST: handler,
    PUT: handler,
    PATCH: handler,
    DELETE: handler,
    HEAD: handler,
    OPTIONS: handler,
  };
}

/** The handlers of /api|/tok/<controller>/<verb>: one line per route file. */
export function controllerRoute(surface: "api" | "tok") {
  return everyMethod(async (request, context: VerbParams) => {
    const { controller, verb } = await context.params;
    return dispatch(request, { surface, controller, verb });
  });
}

/** The handlers of a route with a fixed verb (/api/auth, /builder/device/register). */
export function fixedRoute(route: Route) {
  return everyMethod<unknown>((request) => dispatch(request, route));
}
