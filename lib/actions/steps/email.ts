import { enqueueDelivery } from "../../db/deliveries";
import { recipientsOf } from "../deliveries/destinations";
import type { EmailPayload } from "../deliveries/payloads";
import { renderTemplate } from "../template";
import type { Step } from "./types";

// The email step: queues a mail to the action's addresses in the run's transaction; the worker's
// deliverer sends it through the configured SMTP server, with retries, and settles the run
// (decision 019).

export const emailStep: Step = async (tx, { action, run, deviceId, context, now }) => {
  const about = deviceId ? ` (${deviceId})` : "";
  const message = renderTemplate(action.message, context) || `Action "${action.name}" ran${about}.`;
  const payload: EmailPayload = {
    to: recipientsOf(action.destination),
    subject: `Fleetport: ${action.name}${about}`,
    text: `${message}\n\n-- \nFleetport action "${action.name}", run ${run.id} (${run.trigger} trigger) at ${now.toISOString()}\n`,
  };
  await enqueueDelivery(tx, {
    accountId: action.accountId,
    runId: run.id,
    kind: "email",
    payload: JSON.stringify(payload),
    due: now,
  });
  return { outcome: "delivering" };
};
