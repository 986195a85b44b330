import { openActionSecret } from "../../actions/deliveries/secret";
import { SIGNATURE_HEADERS, SIGNATURE_TOLERANCE_SECONDS, signatureMatches } from "../../actions/deliveries/signature";
import { claimRun } from "../../db/action-runs";
import { findHookAction } from "../../db/actions";
import { db } from "../../db/client";
import { conflict, invalidAuth, invalidToken } from "../../errors";
import { newId } from "../../ids";
import { contextDevice } from "./invoke";

// The http trigger (docs/api.md#inbound-webhooks, decision 019): a POST to the action's hook URL,
// signed like the webhooks Fleetport sends, with the action's secret. The signature is the only
// credential. An unknown action, one of another trigger, a disabled one and a wrong signature all
// answer the same 401, so the URL tells nothing to whoever lacks the secret. A signed request runs
// the action once: its signature is the run's trigger key, and a replay claims nothing.

export interface SignedRequest {
  actionId: string;
  timestamp: string | null;
  signature: string | null;
  /** The body as sent: what the signature covers. */
  body: string;
  /** Reads the body as an object (the transport's parser), called only once the signature holds. */
  context: () => Record<string, unknown>;
  now: Date;
}

/** Compared against when the action cannot be used, so a refusal takes as long either way. */
const DECOY_SECRET = "fpw_decoy";

export async function receiveHook(request: SignedRequest): Promise<{ id: string }> {
  const { timestamp, signature } = request;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature)
    throw invalidAuth(`Sign the request: ${SIGNATURE_HEADERS.timestamp} and ${SIGNATURE_HEADERS.signature} headers`);
  const seconds = Number(timestamp);
  if (Math.abs(request.now.getTime() / 1000 - seconds) > SIGNATURE_TOLERANCE_SECONDS)
    throw invalidAuth(`${SIGNATURE_HEADERS.timestamp} is more than 5 minutes from the server's clock`);
  const action = await findHookAction(db(), request.actionId);
  const usable = action !== null && action.trigger === "http" && action.enable;
  const secret = usable ? openActionSecret(action.secretSealed) : DECOY_SECRET;
  if (!signatureMatches(secret, seconds, request.body, signature) || !usable) throw invalidToken();
  const context = request.context();
  const run = await claimRun(db(), {
    id: newId(),
    accountId: action.accountId,
    actionId: action.id,
    trigger: "http",
    triggerKey: `http:${signature.toLowerCase()}`,
    deviceId: await contextDevice(action.accountId, context),
    context,
    created: request.now,
  });
  if (!run) throw conflict("This signed request was received already: it runs the action once");
  return { id: run.id };
}
