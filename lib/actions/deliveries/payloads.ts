import { z } from "zod";

// What a delivery row carries (decision 019): everything its sending needs except the secret,
// which stays sealed on the action and is opened only to sign.

/** A webhook: the URL and the exact JSON text sent (and signed), the same on every attempt. */
export const webhookPayload = z.object({ url: z.string(), body: z.string() });
export type WebhookPayload = z.infer<typeof webhookPayload>;

export const emailPayload = z.object({ to: z.array(z.string()), subject: z.string(), text: z.string() });
export type EmailPayload = z.infer<typeof emailPayload>;
