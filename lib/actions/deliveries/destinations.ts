import { z } from "zod";

// Where http and email steps deliver, read the same way when an action is saved and when a run
// queues its delivery (decision 019).

export const MAX_RECIPIENTS = 20;

const address = z.email();

/** The addresses of an email step's destination: separated by commas, semicolons or spaces. */
export const recipientsOf = (destination: string): string[] => destination.split(/[\s,;]+/).filter(Boolean);

/** What is wrong with an email step's destination, if anything. */
export function recipientsProblem(destination: string): string | null {
  const recipients = recipientsOf(destination);
  if (recipients.length === 0) return "An email step needs at least one address, e.g. ops@example.com";
  if (recipients.length > MAX_RECIPIENTS) return `At most ${MAX_RECIPIENTS} addresses (${recipients.length} given)`;
  const bad = recipients.filter((recipient) => !address.safeParse(recipient).success);
  return bad.length ? `Not an email address: ${bad.slice(0, 3).join(", ")}` : null;
}

/**
 * What is wrong with a webhook's URL, if anything. Credentials in it are refused: they would be
 * stored and shown in clear, and the receiver authenticates Fleetport by the signature instead.
 */
export function webhookUrlProblem(destination: string): string | null {
  if (!destination) return "An http step posts to a URL, e.g. https://example.com/hooks/fleetport";
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return "Not a URL: write it whole, e.g. https://example.com/hooks/fleetport";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Use an http:// or https:// URL";
  if (url.username || url.password) {
    return "Put no user or password in the URL: the receiver checks the X-Fleetport-Signature header instead";
  }
  return null;
}
