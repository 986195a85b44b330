import { DEVICE_METRICS } from "../../lib/demo/signals";
import type { DeviceDatabase } from "./device-db";
import type { DeviceLink } from "./link";
import {
  classify,
  ingestTopic,
  metricBatch,
  metricGet,
  metricSet,
  releaseIsFresh,
  storeSet,
  subscriptions,
  syncDown,
  syncUp,
  type DbItem,
} from "./protocol";
import { pastReadings, type Readings } from "./readings";
import type { Say } from "./say";
import { BLOCKED_MS, throttleOrder } from "./throttle";

// One connection of a device, from CONNACK to its end: subscribe, sync up (db/syncToDynamo, until
// sync/SYNC acknowledges it), sync down (db/syncDown, items, then sync/SYNCDOWN, before which the
// agent's application does not start), then the application: metrics every interval, store values
// now and then, and whatever the cloud sends (sync items, commands, release, throttle).

/** How a connection ended, and what the device does next. */
export type SessionEnd =
  | { kind: "reconnect"; why: string }
  /** Closed by a throttle: no connection before `until` (epoch ms). */
  | { kind: "blocked"; until: number }
  /** Forget the certificate and register again. */
  | { kind: "forget"; why: string };

/** What the session asks of the device it belongs to. */
export interface SessionHost {
  deviceId: string;
  accountId: string;
  intervalMs: number;
  /** Intervals between store/set rounds. */
  storeEvery: number;
  /** What the device measures at a time. */
  readings: Readings;
  /** First send the readings of this many past milliseconds (0: none). */
  backfillMs: number;
  say: Say;
  /** A Command item arrived (the first time this item, at this update, was seen). */
  command(item: DbItem, session: Session): void;
  /** A stage was reached: "syncing" on connect, "running" once synced down. */
  stage(stage: "syncing" | "running"): void;
}

const SYNC_DOWN_ACTIONS = new Set(["UPSERT", "MODIFY", "INSERT", "REMOVE"]);
/** Past readings go in batches of this many points, each message well under the broker's packet limit. */
const BACKFILL_BATCH = 400;

export class Session {
  private over = false;
  private settle!: (end: SessionEnd) => void;
  private readonly ended: Promise<SessionEnd>;
  private readonly timers: NodeJS.Timeout[] = [];
  private syncedDown?: () => void;
  private acknowledged?: () => void;
  /** Items the cloud sent down on this connection. */
  private itemsDown = 0;
  private readonly sentTemperatures = new Set<number>();
  private readBackTries = 0;
  private readonly connectedAt = Date.now();

  constructor(
    private readonly host: SessionHost,
    readonly link: DeviceLink,
    readonly db: DeviceDatabase,
  ) {
    this.ended = new Promise((resolve) => (this.settle = resolve));
    void link.closed.then(() => this.finish({ kind: "reconnect", why: "the connection was lost" }));
  }

  /** Ends the session (the first reason wins) and closes the connection. */
  finish(end: SessionEnd): void {
    if (this.over) return;
    this.over = true;
    this.settle(end);
    void this.link.end();
  }

  /** Runs the connection until it ends; answers why. */
  async run(): Promise<SessionEnd> {
    // A publish refused because the connection went away: the end already says why.
    this.startUp().catch((error: Error) => this.finish({ kind: "reconnect", why: error.message }));
    const end = await this.ended;
    for (const timer of this.timers) clearInterval(timer);
    return end;
  }

  private async startUp(): Promise<void> {
    const { deviceId, accountId, say } = this.host;
    await this.link.subscribe(subscriptions(deviceId, accountId));
    this.host.stage("syncing");
    const up = await this.syncUp();
    if (this.over) return;
    await this.syncDown();
    if (this.over) return;
    say(`synced ${up} item(s) up and ${this.itemsDown} down`);
    this.host.stage("running");
    if (this.host.backfillMs > 0) await this.backfill();
    this.timers.push(setInterval(() => void this.flush().catch(() => {}), 1000));
    let round = 0;
    const tick = () => void this.report(round++ % this.host.storeEvery === 0).catch(() => {});
    tick();
    this.timers.push(setInterval(tick, this.host.intervalMs));
  }

  /** Sends every pending change, resending until each is acknowledged; answers how many there were. */
  private async syncUp(): Promise<number> {
    let count = 0;
    for (let due = this.db.nextDue(); due !== undefined && !this.over; due = this.db.nextDue()) {
      const acknowledged = new Promise<void>((resolve) => (this.acknowledged = resolve));
      const batch = this.db.takeDue(Date.now());
      if (batch) {
        if (count === 0) count = batch.changes.length;
        await this.link.publish(ingestTopic(this.host.deviceId, "db/syncToDynamo"), syncUp(batch.seq, batch.changes));
      }
      // An acknowledgement, the time to resend, or the end: whichever comes first.
      await Promise.race([acknowledged, this.ended, delay(this.db.nextDue()! - Date.now())]);
    }
    return count;
  }

  /** Asks for the items changed in the cloud since the last sync down, and waits for them all. */
  private async syncDown(): Promise<void> {
    const done = new Promise<void>((resolve) => (this.syncedDown = resolve));
    await this.link.publish(ingestTopic(this.host.deviceId, "db/syncDown"), syncDown(this.db.lastSync));
    await Promise.race([done, this.ended]);
  }

  /** Sends the changes now due (a Log or Store item written while connected, or a resend). */
  async flush(): Promise<void> {
    const batch = this.db.takeDue(Date.now());
    if (batch)
      await this.link.publish(ingestTopic(this.host.deviceId, "db/syncToDynamo"), syncUp(batch.seq, batch.changes));
  }

  /** The readings of the past backfill span, as batches of metric/set with their own times. */
  private async backfill(): Promise<void> {
    const { deviceId, readings, backfillMs, intervalMs, say } = this.host;
    const points = pastReadings(readings, Date.now(), backfillMs, intervalMs);
    for (let start = 0; start < points.length; start += BACKFILL_BATCH) {
      await this.link.publish(
        ingestTopic(deviceId, "metric/set"),
        metricBatch(points.slice(start, start + BACKFILL_BATCH)),
      );
    }
    say(`sent ${points.length} readings of the past ${backfillMs / 1000} s`);
  }

  /** One round: every metric's reading now, and the store values when `store`. */
  private async report(store: boolean): Promise<void> {
    const { deviceId, say } = this.host;
    const now = Date.now();
    const topic = ingestTopic(deviceId, "metric/set");
    // One after another, as the agent sends them: a throttle delays each.
    for (const metric of DEVICE_METRICS) {
      const value = this.host.readings(metric, now);
      if (metric === "temperature") this.sentTemperatures.add(value);
      await this.link.publish(topic, metricSet(metric, value));
    }
    if (store) {
      const uptime = Math.round((now - this.connectedAt) / 1000);
      const charging = this.host.readings("battery", now) > this.host.readings("battery", now - 60_000);
      await this.link.publish(ingestTopic(deviceId, "store/set"), storeSet("uptime", uptime));
      await this.link.publish(ingestTopic(deviceId, "store/set"), storeSet("charging", charging));
    }
    if (this.readBackTries >= 0) await this.readBack(say);
  }

  /**
   * Reads its temperature back (metric/get) until it is one the device sent, so that the person
   * watching knows the points are stored; says so once, or says what came back after three tries.
   */
  private async readBack(say: Say): Promise<void> {
    const answer = await this.link.request("metric/get", metricGet("temperature", "current", 3600));
    if (answer !== undefined && this.sentTemperatures.has(Number(answer))) {
      this.readBackTries = -1;
      say(
        `metrics stored: temperature ${answer} read back by metric/get; sending every ${this.host.intervalMs / 1000} s`,
      );
    } else if (++this.readBackTries === 3)
      say(`metric/get answered ${answer === undefined ? "nothing" : `"${answer}"`} after metric/set`, "error");
  }

  /** A message on one of the device's subscriptions. */
  receive(topic: string, payload: Buffer): void {
    const incoming = classify(this.host.deviceId, topic);
    const text = payload.toString();
    if (incoming.kind === "sync") this.receiveSync(incoming.action, text);
    else if (incoming.kind === "provision") {
      if (incoming.command !== "release") this.host.say(`unknown provision command ${incoming.command}`, "error");
      else if (releaseIsFresh(text, Date.now())) this.finish({ kind: "forget", why: "released by the cloud" });
      else this.host.say(`ignored a stale release (${text})`);
    } else if (incoming.kind === "throttle") {
      const order = throttleOrder(text, Date.now());
      if (order.kind === "ignore") this.host.say(order.why, "error");
      else if (order.kind === "close") this.finish({ kind: "blocked", until: Date.now() + BLOCKED_MS });
      else {
        this.link.throttle.raise(Date.now());
        this.host.say(`throttled: each publish now waits ${this.link.throttle.delay} ms`);
      }
    } else if (incoming.kind === "reply") this.host.say(`an answer nobody waits for on ${topic}`, "error");
  }

  private receiveSync(action: string, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.host.say(`cannot parse sync/${action}: ${text}`, "error");
      return;
    }
    if (action === "SYNC") {
      this.db.acknowledge(message as object);
      this.acknowledged?.();
    } else if (action === "SYNCDOWN") {
      this.db.syncedDown((message as { updated?: unknown }).updated);
      this.syncedDown?.();
    } else if (SYNC_DOWN_ACTIONS.has(action)) {
      this.itemsDown++;
      const applied = this.db.applyFromCloud(action, message, Date.now());
      if (applied.outcome === "invalid") this.host.say(`sync/${action}: ${applied.why}`, "error");
      else if (applied.outcome === "stale") void this.flush().catch(() => {});
      else if (!applied.removed) this.applied(applied.item);
    } else this.host.say(`unknown sync message sync/${action}`, "error");
  }

  private applied(item: DbItem): void {
    if (item._type === "Store") this.host.say(`store ${String(item.key)} = ${String(item.value)} (from the cloud)`);
    if (item._type === "Command" && this.db.firstSight(item)) this.host.command(item, this);
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
