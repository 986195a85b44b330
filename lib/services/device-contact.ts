import { db } from "../db/client";
import { touchDeviceAccessed } from "../db/devices";

// A device's "last seen" (`accessed`) is its last contact of any kind: a register poll or a call
// with its device token. A polling device must not cost a write per request, so the time is kept
// to CONTACT_INTERVAL_MS: a contact within that of the recorded one writes nothing.
export const CONTACT_INTERVAL_MS = 30_000;

/** Records a contact; `recorded` is the `accessed` the caller already read, if it read the device. */
export async function recordDeviceContact(id: string, now: Date, recorded?: Date | null): Promise<void> {
  const notSince = new Date(now.getTime() - CONTACT_INTERVAL_MS);
  if (recorded && recorded >= notSince) return;
  await touchDeviceAccessed(db(), id, now, notSince);
}
