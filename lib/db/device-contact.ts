import type { Queryable } from "./client";

/**
 * Sets a device's `accessed` (its last contact) to `now`, unless a contact at or after `notSince`
 * is already recorded. One conditional update: of many concurrent contacts, only the first writes.
 * Answers whether this call wrote.
 */
export async function touchDeviceAccessed(q: Queryable, id: string, now: Date, notSince: Date): Promise<boolean> {
  const { count } = await q.device.updateMany({
    where: { id, OR: [{ accessed: null }, { accessed: { lt: notSince } }] },
    data: { accessed: now },
  });
  return count === 1;
}
