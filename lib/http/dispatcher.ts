import { z } from "zod";
import { pageQuery } from "../contracts/common";
import { DEFAULT_SORT, isAccountScoped, roleAllows, type VerbContract } from "../contracts/verb";
import { findVerb, specialVerbs } from "../controllers";
import type { VerbHandler } from "../controllers/implement";
import { findAccount } from "../db/accounts";
import { db } from "../db/client";
import { env } from "../env";
import {
  accessDenied,
  ApiError,
  authMismatch,
  badRequest,
  invalidAuth,
  notFound,
  rateLimited,
  validationError,
  type FieldError,
} from "../errors";
import { newId } from "../ids";
import { log } from "../log";
import type { PageRequest } from "../paging";
import { authenticate } from "../services/authenticate";
import type { CallContext, Principal } from "../services/context";
import { readJsonObject } from "./body";
import { clientAddressOf } from "./client-address";
import { cursorOf, encodeCursor } from "./cursor";
import { asApiError, errorResponse } from "./error-response";
import { rateLimiter } from "./rate-limit";

// The one path every API request takes (ARCHITECTURE.md): method → verb → address limit →
// authenticate → surface and role → body → contract → account scope → handler → answer.
// Auth lives here, never in middleware (CVE-2025-29927).

/** Where the request came in: each surface admits different credentials. */
export type Surface = "api" | "tok" | "builder" | "auth";

export type Route = { surface: "api" | "tok"; controller: string; verb: string } | { surface: "builder" | "auth" };

const BEARER = /^(?:bearer\s+)?(\S+)$/i;

function resolveVerb(route: Route): VerbHandler {
  if (!("controller" in route)) return route.surface === "auth" ? specialVerbs.authLogin : specialVerbs.registerDevice;
  const verb = findVerb(route.controller, route.verb);
  // A verb with a route of its own is not reachable under another path.
  if (!verb) throw new ApiError("unrecognized_request", `Unrecognized request: ${route.controller}/${route.verb}`);
  return verb;
}

function limit(key: string, perMinute: number): void {
  const wait = rateLimiter.hit(key, perMinute);
  if (wait > 0) throw rateLimited(wait);
}

/** Which credentials each surface admits (API.md §1). */
function checkSurface(surface: Surface, principal: Principal, origin: string | null): void {
  if (surface === "api") {
    if (principal.kind !== "user")
      throw authMismatch("/api takes a login access token; use /tok with a CloudAPI or device token");
    if (origin !== principal.origin)
      throw authMismatch("The Origin header does not match the one this token was issued to");
  } else if (surface === "tok") {
    if (principal.kind === "user")
      throw authMismatch("/tok takes a CloudAPI or device token; a login access token belongs on /api");
    if (principal.kind === "product") throw authMismatch("A product token only registers devices");
  } else if (principal.kind !== "product") {
    throw authMismatch("Device registration takes a product token");
  }
}

function checkRole(contract: VerbContract, principal: Principal): void {
  const allowed =
    principal.kind === "user" || principal.kind === "token"
      ? roleAllows(principal.role, contract.allow)
      : contract.allow.includes(principal.kind);
  if (!allowed) throw accessDenied();
}

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ name: [...issue.path, key].join("."), message: "Unknown field" }))
      : [{ name: issue.path.join(".") || "(body)", message: issue.message }],
  );
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw validationError(`Invalid ${what}: ${fields.map((f) => `${f.name}: ${f.message}`).join("; ")}`, fields);
  }
  return parsed.data;
}

function pageOf(url: URL, contract: VerbContract): PageRequest {
  const query = parseWith(pageQuery, Object.fromEntries(url.searchParams), "query string");
  const cursor = cursorOf(query, contract.sortable ?? {});
  const sort = sortOf(query.sort ?? cursor?.sort, contract);
  if (cursor && cursor.sort !== sort.field)
    throw badRequest("This cursor pages another sort order: drop `sort` or the cursor");
  return {
    limit: query.limit,
    cursor,
    sort,
    // The audit trail reads newest first unless asked otherwise.
    order:
      (query.order?.toUpperCase() as "ASC" | "DESC" | undefined) ?? (contract.controller === "audit" ? "DESC" : "ASC"),
    includeTotal: (query.include ?? "").split(",").includes("total_count"),
    text: query.filter?.trim() || undefined,
  };
}

function sortOf(field: string | undefined, contract: VerbContract): PageRequest["sort"] {
  if (!field) return DEFAULT_SORT;
  const kind = contract.sortable?.[field];
  if (kind) return { field, kind };
  const allowed = Object.keys(contract.sortable ?? {}).join(", ");
  throw validationError(`Cannot sort by ${field}: sort by one of ${allowed}`, [
    { name: "sort", message: `One of ${allowed}` },
  ]);
}

/** The owner may act in any account by naming it; anyone else only in their own (404 otherwise). */
async function accountScope(principal: Principal | null, requested: string | undefined): Promise<string> {
  if (!principal) return "";
  if (!requested || requested === principal.accountId) return principal.accountId;
  if ((principal.kind === "user" || principal.kind === "token") && principal.role === "owner") {
    if (await findAccount(db(), requested)) return requested;
  }
  throw notFound("Cannot find account");
}

function json(body: Uint8Array<ArrayBuffer>, requestId: string): Response {
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": "application/json", "X-Request-ID": requestId, "Cache-Control": "no-store" },
  });
}

/** The answer's body: the result parsed by the verb's output schema, in the verb's envelope. */
function answerOf(contract: VerbContract, result: unknown): unknown {
  if (contract.answer === "list") {
    const page = result as {
      items: unknown[];
      next: Parameters<typeof encodeCursor>[0] | null;
      prev: Parameters<typeof encodeCursor>[0] | null;
      total?: number;
    };
    return {
      data: contract.output.parse(page.items),
      next: page.next && encodeCursor(page.next),
      prev: page.prev && encodeCursor(page.prev),
      paged: true,
      ...(page.total === undefined ? {} : { total_count: page.total }),
    };
  }
  const output = contract.output.parse(result);
  return contract.answer === "bare" ? output : { data: output };
}

async function run(request: Request, route: Route, requestId: string): Promise<Response> {
  if (request.method !== "POST") {
    throw new ApiError("method_not_supported", `Method ${request.method} is not supported: API calls use POST`);
  }
  const { contract, handle } = resolveVerb(route);
  const config = env();
  const address = clientAddressOf(request.headers.get("x-forwarded-for"));
  limit(
    `addr:${route.surface}:${address}`,
    route.surface === "builder" ? config.registerAddressRatePerMinute : config.rateLimitPerMinute,
  );

  const body = await readJsonObject(request);
  const header = request.headers.get("authorization");
  // A device agent may carry its product token in the body only (Ioto's `product` field).
  const secret = header
    ? BEARER.exec(header.trim())?.[1]
    : route.surface === "builder" && typeof body.product === "string"
      ? body.product
      : undefined;
  if (header && !secret) throw invalidAuth();
  const isPublic = contract.allow.includes("public");
  if (!secret && !isPublic) throw invalidAuth();
  const origin = request.headers.get("origin");
  let principal: Principal | null = null;
  if (secret) {
    principal = await authenticate(secret);
    checkSurface(route.surface, principal, origin);
    limit(`token:${"tokenId" in principal ? principal.tokenId : principal.productId}`, config.rateLimitPerMinute);
    if (!isPublic) checkRole(contract, principal);
  }

  const input = parseWith(contract.input, body, "request body") as Record<string, unknown>;
  if (route.surface === "builder") limit(`register:${String(input.id).toUpperCase()}`, config.registerRatePerMinute);
  const requested = isAccountScoped(contract.allow) ? (input.accountId as string | undefined) : undefined;
  delete input.accountId;
  const ctx: CallContext = {
    requestId,
    address,
    origin,
    principal,
    accountId: await accountScope(principal, requested),
    ...(contract.answer === "list" ? { page: pageOf(new URL(request.url), contract) } : {}),
  };

  const answer = Buffer.from(JSON.stringify(answerOf(contract, await handle(input, ctx))));
  return json(answer, requestId);
}

/** Answers one API request; every answer, success or error, carries X-Request-ID. */
export async function dispatch(request: Request, route: Route): Promise<Response> {
  const requestId = newId();
  const started = performance.now();
  let response: Response;
  try {
    response = await run(request, route, requestId);
  } catch (error) {
    response = errorResponse(asApiError(error, requestId), requestId, request.headers.get("accept"));
  }
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
