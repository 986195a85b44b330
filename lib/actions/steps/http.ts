import { enqueueDelivery } from "../../db/deliveries";
import type { WebhookPayload } from "../deliveries/payloads";
import { renderTemplate } from "../template";
import type { Step } from "./types";

// The http step: queues a signed webhook in the run's transaction; the worker's deliverer posts it,
// with retries, and settles the run (decision 019). The body is fixed here, once, so every attempt
// sends (and signs) the same bytes.

export const httpStep: Step = async (tx, { action, run, deviceId, context, now }) => {
  const body = JSON.stringify({
    action: { id: action.id, name: action.name },
    run: { id: run.id, trigger: run.trigger },
    device: deviceId,
    context: run.context,
    message: renderTemplate(action.message, context),
    severity: action.severity,
    time: now.toISOString(),
  });
  const payload: WebhookPayload = { url: action.destination, body };
  await enqueueDelivery(tx, {
    accountId: action.accountId,
    runId: run.id,
    kind: "http",
    payload: JSON.stringify(payload),
    due: now,
  });
  return { outcome: "delivering" };
};
