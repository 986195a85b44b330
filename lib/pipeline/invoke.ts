import { isAccountScoped, roleAllows, type VerbContract } from "../contracts/verb";
import { findAccount } from "../db/accounts";
import { db } from "../db/client";
import { env } from "../env";
import { accessDenied, ApiError, invalidAuth, notFound } from "../errors";
import { log } from "../log";
import { authenticate } from "../services/authenticate";
import type { CallContext, Principal } from "../services/context";
import { answerOf } from "./answer";
import { limit, limitInput } from "./limits";
import { pageOf } from "./page";
import { resolveVerb, SURFACES, type Route } from "./surfaces";
import { parseWith } from "./validate";

// The one path every call takes, whatever carried it: verb → address limit → input → caller →
// surface → token limit → role → contract → the verb's input limit → account scope → page →
// handler → answer. A transport only translates to and from it (HTTP: lib/http/route-adapter.ts).
// Authentication lives here, never in middleware (CVE-2025-29927).

/** Who is calling. */
export type Caller =
  /** No credential: public verbs, or a verb whose input carries one (its `credentialField`). */
  | { kind: "anonymous" }
  /** A token's secret, resolved here. */
  | { kind: "secret"; secret: string }
  /** A principal the transport has proved itself (a device by its client certificate). */
  | { kind: "principal"; principal: Principal };

export interface Invocation {
  route: Route;
  caller: Caller;
  /**
   * The verb's input before validation. A transport that reads it on demand passes a reader, so
   * the refusals that need no input (an unknown verb, the address limit) come before reading it,
   * and reads at most the verb's body limit (bytes).
   */
  input: Record<string, unknown> | ((limit: number) => Promise<Record<string, unknown>>);
  /** Names the call in its answer, the log and the audit trail. */
  requestId: string;
  /** The client's network address: the address limit and the audit trail key on it. */
  address: string;
  /** The web origin the call comes from, if any: login access tokens are bound to one. */
  origin: string | null;
  /** List verbs: limit, next, prev, order, sort, filter and include; other verbs: their `query`, as text. */
  page?: Readonly<Record<string, string>>;
  /** The caller's name for this call, so a retry of it is recognised (HTTP: Idempotency-Key). */
  idempotencyKey?: string | null;
}

/** The verb's answer in its envelope, or the typed error to tell the caller. */
export type Outcome = { ok: true; answer: unknown } | { ok: false; error: ApiError };

export async function invoke(call: Invocation): Promise<Outcome> {
  try {
    return { ok: true, answer: await run(call) };
  } catch (error) {
    return { ok: false, error: asApiError(error, call.requestId) };
  }
}

async function run(call: Invocation): Promise<unknown> {
  const { contract, handle } = resolveVerb(call.route);
  limit(`addr:${call.route.surface}:${call.address}`, SURFACES[call.route.surface].addressRate(env()));
  const body = typeof call.input === "function" ? await call.input(contract.bodyLimit) : call.input;
  const principal = await identify(call, contract, body);
  const input = parseWith(contract.input, body, "request body");
  if (contract.limit) limitInput(contract.limit, input);
  const requested = isAccountScoped(contract.allow) ? (input.accountId as string | undefined) : undefined;
  delete input.accountId;
  const ctx: CallContext = {
    requestId: call.requestId,
    address: call.address,
    origin: call.origin,
    idempotencyKey: call.idempotencyKey ?? null,
    principal,
    accountId: await accountScope(principal, requested),
    ...(contract.answer === "list" ? { page: pageOf(call.page ?? {}, contract) } : {}),
    ...(contract.query ? { query: parseWith(contract.query, call.page ?? {}, "query string") } : {}),
  };
  return answerOf(contract, await handle(input, ctx));
}

/** The caller's principal once its surface, token limit and role admit it; null for anyone on a public verb. */
async function identify(
  call: Invocation,
  contract: VerbContract,
  body: Record<string, unknown>,
): Promise<Principal | null> {
  const principal = await principalOf(call.caller, contract, body);
  const isPublic = contract.allow.includes("public");
  if (!principal) {
    if (isPublic) return null;
    throw invalidAuth();
  }
  SURFACES[call.route.surface].admit(principal, call.origin);
  // A product token is shared by a whole fleet: registration is limited per device ID instead.
  if ("tokenId" in principal) limit(`token:${principal.tokenId}`, env().rateLimitPerMinute);
  if (!isPublic && !grants(contract, principal)) throw accessDenied();
  return principal;
}

function principalOf(caller: Caller, contract: VerbContract, body: Record<string, unknown>) {
  if (caller.kind === "principal") return caller.principal;
  if (caller.kind === "secret") return authenticate(caller.secret);
  const secret = contract.credentialField ? body[contract.credentialField] : undefined;
  return typeof secret === "string" && secret ? authenticate(secret) : null;
}

function grants(contract: VerbContract, principal: Principal): boolean {
  return principal.kind === "user" || principal.kind === "token"
    ? roleAllows(principal.role, contract.allow)
    : contract.allow.includes(principal.kind);
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

/** Unknown faults become a generic 500; their detail goes to the log, never to the caller. */
export function asApiError(error: unknown, requestId: string): ApiError {
  if (error instanceof ApiError) return error;
  log.error("unhandled error", { requestId, error: error instanceof Error ? error.stack : String(error) });
  return new ApiError("internal_server_error", "Internal server error");
}
