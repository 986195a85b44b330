import { itemKey, type DbItem, type SyncChange } from "./protocol";

// The simulated device's own database, as far as sync needs it: items by key (`sk`), the changes
// not yet acknowledged by the cloud, and `lastSync`, the cloud's time up to which the device has
// synced down (sent with the next db/syncDown). Rules follow the agent: a change is resent five
// seconds after it went out unacknowledged; an acknowledgement (sync/SYNC) clears the changes of
// its seq and moves lastSync forward; an item from the cloud older than the local copy is stale,
// and the local copy goes back up instead.

export const RESEND_MS = 5_000;
export const EPOCH = new Date(0).toISOString();

interface Pending {
  change: SyncChange;
  /** The seq of the db/syncToDynamo it went out in; 0 before it went out. */
  seq: number;
  due: number;
}

export interface Acknowledgement {
  seq?: unknown;
  keys?: unknown;
  updated?: unknown;
}

export type CloudApplied =
  | { outcome: "applied"; item: DbItem; removed: boolean }
  /** The local copy is newer: it was queued to go back up. */
  | { outcome: "stale"; item: DbItem }
  | { outcome: "invalid"; why: string };

export class DeviceDatabase {
  private readonly items = new Map<string, DbItem>();
  private readonly pending = new Map<string, Pending>();
  private nextSeq = Math.floor(Math.random() * 1_000_000);
  /** Versions (key and updated) of the Command items already obeyed. */
  private readonly obeyed = new Set<string>();
  lastSync = EPOCH;

  get(key: string): DbItem | undefined {
    return this.items.get(key);
  }

  /** Writes an item locally and queues it to sync up. */
  write(item: DbItem, now: number): void {
    this.items.set(item.sk, item);
    this.pending.set(item.sk, { change: { cmd: "update", key: item.sk, item }, seq: 0, due: now });
  }

  /**
   * The changes due at `now`, under a new seq: what the next db/syncToDynamo carries, or undefined
   * when nothing is due. Each goes out again after RESEND_MS unless acknowledged.
   */
  takeDue(now: number): { seq: number; changes: SyncChange[] } | undefined {
    const due = [...this.pending.values()].filter((pending) => pending.due <= now);
    if (due.length === 0) return undefined;
    const seq = ++this.nextSeq;
    for (const pending of due) {
      pending.seq = seq;
      pending.due = now + RESEND_MS;
    }
    return { seq, changes: due.map((pending) => pending.change) };
  }

  /** When the next unacknowledged change falls due, or undefined when none waits. */
  nextDue(): number | undefined {
    const dues = [...this.pending.values()].map((pending) => pending.due);
    return dues.length ? Math.min(...dues) : undefined;
  }

  /** Whether every change sent under `seq` has been acknowledged. */
  settled(seq: number): boolean {
    return ![...this.pending.values()].some((pending) => pending.seq === seq);
  }

  /**
   * Whether this version of an item is seen for the first time. A command is obeyed once per
   * version: the sync down after a reboot sends the reboot command again.
   */
  firstSight(item: DbItem): boolean {
    const version = `${item.sk}@${item.updated}`;
    if (this.obeyed.has(version)) return false;
    this.obeyed.add(version);
    return true;
  }

  /** sync/SYNC: clears the acknowledged changes of that seq; answers how many were cleared. */
  acknowledge(ack: Acknowledgement): number {
    if (!Array.isArray(ack.keys)) return 0;
    let cleared = 0;
    for (const key of ack.keys) {
      const pending = typeof key === "string" ? this.pending.get(key) : undefined;
      if (!pending || pending.seq !== ack.seq) continue;
      // The cloud's own time is preferred: it is what the next sync down compares against.
      if (pending.change.item.updated > this.lastSync)
        this.lastSync = typeof ack.updated === "string" ? ack.updated : pending.change.item.updated;
      this.pending.delete(pending.change.key);
      cleared++;
    }
    return cleared;
  }

  /** sync/SYNCDOWN: the cloud's time up to which the device now holds every item. */
  syncedDown(updated: unknown): void {
    if (typeof updated === "string" && updated > this.lastSync) this.lastSync = updated;
  }

  /** sync/UPSERT, MODIFY, INSERT or REMOVE: an item the cloud sends down. Never synced back up. */
  applyFromCloud(action: string, message: unknown, now: number): CloudApplied {
    const fields = typeof message === "object" && message !== null ? (message as Record<string, unknown>) : {};
    const key = itemKey(fields);
    if (typeof fields._type !== "string" || !key) return { outcome: "invalid", why: "an item without _type or key" };
    const prior = this.items.get(key);
    const updated = typeof fields.updated === "string" ? fields.updated : new Date(now).toISOString();
    if (prior && updated < prior.updated) {
      this.write(prior, now);
      return { outcome: "stale", item: prior };
    }
    const item: DbItem = { ...prior, ...fields, _type: fields._type, sk: key, updated };
    if (action === "REMOVE") {
      this.items.delete(key);
      return { outcome: "applied", item, removed: true };
    }
    if (!["UPSERT", "MODIFY", "INSERT"].includes(action)) return { outcome: "invalid", why: `sync/${action}` };
    this.items.set(key, item);
    return { outcome: "applied", item, removed: false };
  }
}
