import { emailPayload, webhookPayload } from "../actions/deliveries/payloads";
import { openActionSecret } from "../actions/deliveries/secret";
import { postWebhook } from "../actions/deliveries/webhook";
import { smtpMailer, type Mailer } from "../actions/deliveries/email";
import { db, transaction } from "../db/client";
import { claimDelivery, findDueDeliveries, postponeDelivery, settleDelivery, type DeliveryRow } from "../db/deliveries";
import { env } from "../env";
import { log } from "../log";
import { backoffMs } from "./backoff";

// The deliverer of webhooks and emails (decision 019): the worker sends each due Delivery row a
// step wrote, retries a failure with exponential backoff, and settles the row's run when it is
// delivered (succeeded) or given up (failed, with the last error). Rows are claimed through the
// database, so several workers never send one row at once; logs carry IDs and errors, never a
// secret, a URL or a body.

export interface DelivererOptions {
  /** How often due rows are looked for; null: only when look() or wake() is called (tests). */
  intervalMs: number | null;
  /** Rows in flight at most. */
  batch: number;
  /** Attempts before a delivery is given up. */
  maxAttempts: number;
  /** One attempt's limit. */
  timeoutMs: number;
  /** The wait after the first failure; it doubles with each further one, up to `backoffCapMs`. */
  backoffBaseMs: number;
  backoffCapMs: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** The clock due times, timestamps and durations are read from (tests move it). */
  now: () => Date;
}

export function deliveryOptions(): DelivererOptions {
  const e = env();
  return {
    intervalMs: 1000,
    batch: 50,
    maxAttempts: e.deliveryAttempts,
    timeoutMs: e.deliveryTimeoutMs,
    backoffBaseMs: 1000,
    backoffCapMs: 5 * 60_000,
    smtpUrl: e.smtpUrl,
    mailFrom: e.mailFrom,
    now: () => new Date(),
  };
}

/**
 * How long a claimed row stays out of other workers' looks: longer than any attempt can take (an
 * attempt is bounded by the timeout), so a row is sent again only after its worker died.
 */
const LEASE_MS = 10 * 60_000;

export const NO_SMTP = "Email is not configured on this server: set SMTP_URL";

export interface Deliverer {
  /** Claims the due rows and sends them; resolves when every one of them is settled or postponed. */
  look(): Promise<void>;
  /** Looks now, without waiting for the sends (the worker's timer does this). */
  wake(): void;
  stop(): Promise<void>;
}

export function startDeliverer(options: DelivererOptions = deliveryOptions()): Deliverer {
  const mailer: Mailer | null = options.smtpUrl
    ? smtpMailer(options.smtpUrl, options.mailFrom, options.timeoutMs)
    : null;
  const sending = new Set<Promise<void>>();
  let looking: Promise<unknown> | null = null;
  let stopped = false;

  /** One attempt; null when delivered, else why not, and whether trying again can help. */
  async function attempt(row: DeliveryRow): Promise<{ error: string; final: boolean } | null> {
    if (row.kind === "email") {
      if (!mailer) return { error: NO_SMTP, final: true };
      const error = await mailer.send(emailPayload.parse(JSON.parse(row.payload)));
      return error === null ? null : { error, final: false };
    }
    const error = await postWebhook(webhookPayload.parse(JSON.parse(row.payload)), {
      deliveryId: row.id,
      secret: openActionSecret(row.secretSealed),
      now: options.now(),
      timeoutMs: options.timeoutMs,
    });
    return error === null ? null : { error, final: false };
  }

  async function deliver(row: DeliveryRow, lease: { id: number; until: Date }): Promise<void> {
    const failure = await attempt(row).catch((error: unknown) => {
      // A row that cannot be read or a secret that cannot be opened (ENCRYPTION_KEY changed) will
      // never send: the run fails now rather than the row being leased again and again.
      // A JSON error would quote the payload, which logs never carry.
      const reason = error instanceof SyntaxError ? "the payload is not JSON" : String(error);
      log.error("delivery cannot be sent", { id: row.id, runId: row.runId, error: reason });
      return { error: "This delivery cannot be sent (see the server's log)", final: true };
    });
    const attempts = row.attempts + 1;
    const now = options.now();
    if (failure && !failure.final && attempts < options.maxAttempts) {
      const due = new Date(now.getTime() + backoffMs(attempts, options.backoffBaseMs, options.backoffCapMs));
      await postponeDelivery(db(), lease, { attempts, due, lastError: failure.error });
      return;
    }
    const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
    const error = failure ? (failure.final ? failure.error : `${failure.error} after ${tries}`) : "";
    if (failure) log.warn("delivery given up", { id: row.id, runId: row.runId, kind: row.kind, attempts, error });
    await transaction((tx) =>
      settleDelivery(tx, lease, {
        id: row.runId,
        outcome: failure ? "failed" : "succeeded",
        error,
        finished: now,
        duration: Math.max(0, now.getTime() - row.runStarted.getTime()),
      }),
    );
  }

  /** Claims due rows and starts sending them; answers the sends. */
  async function claimAndSend(): Promise<Array<Promise<void>>> {
    const room = options.batch - sending.size;
    if (room <= 0) return [];
    const now = options.now();
    const until = new Date(now.getTime() + LEASE_MS);
    const started: Array<Promise<void>> = [];
    for (const row of await findDueDeliveries(db(), now, room)) {
      if (!(await claimDelivery(db(), row.id, row.due, until))) continue;
      const sent: Promise<void> = deliver(row, { id: row.id, until })
        .catch((error: unknown) => log.error("delivery failed", { id: row.id, error: String(error) }))
        .finally(() => sending.delete(sent));
      sending.add(sent);
      started.push(sent);
    }
    return started;
  }

  async function look(): Promise<void> {
    await Promise.all(await claimAndSend());
  }

  function wake(): void {
    if (looking || stopped) return;
    looking = claimAndSend()
      .catch((error: unknown) => log.error("delivery look failed", { error: String(error) }))
      .finally(() => (looking = null));
  }

  const timer = options.intervalMs === null ? null : setInterval(wake, options.intervalMs);
  timer?.unref();
  if (timer) wake();
  return {
    look,
    wake,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await looking;
      await Promise.all(sending);
      mailer?.close();
    },
  };
}
