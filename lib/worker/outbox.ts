import { deviceTopic, type DeviceBroker } from "../broker/seam";
import { db } from "../db/client";
import {
  deleteDeviceMessages,
  findDueDeviceMessages,
  holdDeviceMessages,
  postponeDeviceMessage,
  type DeviceMessageRow,
} from "../db/device-messages";
import { log } from "../log";
import { sendToDevice } from "../services/device-items/delivery";
import { backoffMs } from "./backoff";

// The outbox deliverer (decision 015): the worker sends each DeviceMessage row a change wrote
// (a release, a cloud-side change pushed down) through the broker, and deletes it once the device
// acknowledged it. Nothing waits for a device that is not connected: its rows are deleted, and
// database sync catches the device up when it connects.

export interface OutboxOptions {
  /** How often due rows are looked for: a release must reach a connected device within a second. */
  intervalMs: number;
  /** Rows read per look. */
  batch: number;
  /** Attempts before a message is given up. */
  maxAttempts: number;
}

export const OUTBOX_OPTIONS: OutboxOptions = { intervalMs: 200, batch: 500, maxAttempts: 8 };

/**
 * How long a row handed to the broker stays out of later looks: longer than its delivery can take
 * (a device has a minute to acknowledge each message), so one device's unacknowledged rows never
 * fill the batch that other devices' rows are read in. A crash leaves them due after this.
 */
const HANDED_HOLD_MS = 10 * 60_000;

/** Retries wait 1 s, doubling, at most a minute. */
const RETRY = { baseMs: 1000, capMs: 60_000 };

export interface Outbox {
  /** Looks for due rows now rather than at the next interval. */
  wake(): void;
  stop(): Promise<void>;
}

export function startOutbox(broker: DeviceBroker, options: OutboxOptions = OUTBOX_OPTIONS): Outbox {
  /** Rows handed to the broker and not settled yet: a later look must not send them again. */
  const sending = new Set<number>();
  const settling = new Set<Promise<void>>();
  let looking: Promise<void> | null = null;
  let stopped = false;

  async function deliver(row: DeviceMessageRow): Promise<void> {
    let delivered = false;
    try {
      delivered = await sendToDevice(broker, row.deviceId, row.topic, row.payload);
    } catch (error) {
      // Refused by the broker (a topic not the device's, a message too large): it never will be sent.
      log.error("outbox message refused by the broker", { id: row.id, deviceId: row.deviceId, error: String(error) });
      await deleteDeviceMessages(db(), [row.id]);
      return;
    }
    // A released device's certificate is revoked, but its open connection would live on: after the
    // release it is closed, as a device that ignores the message (a clock ahead) never would (decision 013).
    if (row.topic === deviceTopic(row.deviceId, "provision/release")) broker.disconnect(row.deviceId);
    const attempts = row.attempts + 1;
    if (delivered || attempts >= options.maxAttempts) {
      if (!delivered) log.warn("outbox message given up", { id: row.id, deviceId: row.deviceId, attempts });
      await deleteDeviceMessages(db(), [row.id]);
    } else {
      // The device went away before acknowledging: if it is back by then, it gets the message then.
      await postponeDeviceMessage(
        db(),
        row.id,
        attempts,
        new Date(Date.now() + backoffMs(attempts, RETRY.baseMs, RETRY.capMs)),
      );
    }
  }

  async function look(): Promise<void> {
    const rows = (await findDueDeviceMessages(db(), new Date(), options.batch)).filter((row) => !sending.has(row.id));
    const offline = rows.filter((row) => !broker.isConnected(row.deviceId)).map((row) => row.id);
    if (offline.length) await deleteDeviceMessages(db(), offline);
    const handed = rows.filter((row) => !offline.includes(row.id)).map((row) => row.id);
    if (handed.length) await holdDeviceMessages(db(), handed, new Date(Date.now() + HANDED_HOLD_MS));
    // In row order: the broker delivers one device's messages in the order they are handed to it.
    for (const row of rows) {
      if (offline.includes(row.id)) continue;
      sending.add(row.id);
      const settled = deliver(row)
        .catch((error: unknown) => log.error("outbox delivery failed", { id: row.id, error: String(error) }))
        .finally(() => {
          sending.delete(row.id);
          settling.delete(settled);
        });
      settling.add(settled);
    }
  }

  function wake(): void {
    if (looking || stopped) return;
    looking = look()
      .catch((error: unknown) => log.error("outbox look failed", { error: String(error) }))
      .finally(() => (looking = null));
  }

  const timer = setInterval(wake, options.intervalMs);
  timer.unref();
  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await looking;
      await Promise.all(settling);
    },
  };
}
