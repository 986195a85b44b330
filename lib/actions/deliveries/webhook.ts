import { SIGNATURE_HEADERS, signatureOf } from "./signature";
import type { WebhookPayload } from "./payloads";

// One attempt at a webhook (decision 019): a POST of the stored body, signed with the action's
// secret and a fresh timestamp, within a timeout. Redirects are not followed (a receiver could send
// the signed body on to any host), and the answer's body is never read.

export interface WebhookAttempt {
  deliveryId: number;
  secret: string;
  now: Date;
  timeoutMs: number;
}

/** Why an attempt failed, in words for the run history; null when delivered. */
export async function postWebhook(payload: WebhookPayload, attempt: WebhookAttempt): Promise<string | null> {
  const timestamp = Math.floor(attempt.now.getTime() / 1000);
  try {
    const response = await fetch(payload.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(attempt.timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Fleetport-Webhook",
        [SIGNATURE_HEADERS.timestamp]: String(timestamp),
        [SIGNATURE_HEADERS.signature]: signatureOf(attempt.secret, timestamp, payload.body),
        [SIGNATURE_HEADERS.delivery]: String(attempt.deliveryId),
      },
      body: payload.body,
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return null;
    if (response.status >= 300 && response.status < 400) return `HTTP ${response.status} (redirects are not followed)`;
    return `HTTP ${response.status}`;
  } catch (error) {
    return failureOf(error, attempt.timeoutMs);
  }
}

function failureOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `No answer within ${timeoutMs / 1000} s`;
  // fetch's own message is "fetch failed"; the cause names what did (ECONNREFUSED, ENOTFOUND…).
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === "string" ? `Cannot reach the receiver (${code})` : "Cannot reach the receiver";
}
