import { SIGNATURE_HEADERS } from "../actions/deliveries/signature";
import { env } from "../env";
import { ApiError } from "../errors";
import { limit } from "../pipeline/limits";
import { receiveHook } from "../services/actions/hook";
import { parseJsonObject, readLimited } from "./body";
import { clientAddressOf } from "./client-address";
import { jsonResponse } from "./json-response";
import { standaloneRoute } from "./standalone-route";

// POST /hooks/actions/<action ID>: the http trigger (docs/api.md#inbound-webhooks). Outside the
// verb pipeline like the file store's URLs: the request's signature with the action's secret is
// its only credential, checked by the service before the body is read as JSON. Refusals are the
// API's errors, and every answer carries X-Request-ID.

/** A trigger's context, not a document: a smaller body than the API's 1 MiB. */
export const HOOK_BODY_LIMIT = 64 * 1024;

interface HookParams {
  params: Promise<{ id: string }>;
}

async function receive(request: Request, context: HookParams, requestId: string): Promise<Response> {
  if (request.method !== "POST") {
    throw new ApiError("method_not_supported", `Method ${request.method} is not supported: hooks take POST`);
  }
  limit(`addr:hooks:${clientAddressOf(request.headers.get("x-forwarded-for"))}`, env().rateLimitPerMinute);
  const body = await readLimited(request, HOOK_BODY_LIMIT);
  const run = await receiveHook({
    actionId: (await context.params).id,
    timestamp: request.headers.get(SIGNATURE_HEADERS.timestamp),
    signature: request.headers.get(SIGNATURE_HEADERS.signature),
    body,
    context: () => parseJsonObject(body),
    now: new Date(),
  });
  return jsonResponse(run, requestId, 202);
}

/** The handlers of /hooks/actions/<id>: every method, so others get the API's error body too. */
export const hookRoute = standaloneRoute(receive);
