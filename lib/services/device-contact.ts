import { BoundedMap } from "../bounded-map";
import { db } from "../db/client";
import { touchDeviceAccessed } from "../db/devices";

// A device's "last seen" (`accessed`) is its last contact of any kind: a register poll or a call
// with its device token. A polling device must not cost a write per request, so the time is kept
// to CONTACT_INTERVAL_MS: a contact within that of the recorded one writes nothing.
export const CONTACT_INTERVAL_MS = 30_000;

/**
 * The contacts this process recorded in the last interval, so that a device streaming metrics
 * (a batch every second, token and metric/set both counting) costs no statement until the interval
 * has passed: the conditional update would change nothing, yet cost a trip through Prisma (about
 * 0.9 ms, a tenth of a metric batch). Each process keeps its own; several still write at most once
 * an interval each. Bounded: a fleet larger than this only loses the shortcut.
 */
const recorded = new BoundedMap<string, true>(100_000, CONTACT_INTERVAL_MS);

/** Records a contact; `known` is the `accessed` the caller already read, if it read the device. */
export async function recordDeviceContact(id: string, now: Date, known?: Date | null): Promise<void> {
  const notSince = new Date(now.getTime() - CONTACT_INTERVAL_MS);
  if ((known && known >= notSince) || recorded.get(id, now.getTime())) return;
  await touchDeviceAccessed(db(), id, now, notSince);
  recorded.set(id, true, now.getTime());
}
