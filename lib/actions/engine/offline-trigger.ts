import type { ActionRecord } from "../../db/actions";
import { findOfflineDevices } from "../../db/action-triggers";
import { db } from "../../db/client";
import type { SubjectEpisodes } from "./subjects";

// Device triggers (decision 018): on each action's poll, the account's devices (or the one it
// names) that the broker reports disconnected are offline since their last contact, and fire once
// that has lasted `hold`; a device back online clears its episode (and resolves its alert).

export class OfflineTrigger {
  private actions: ActionRecord[] = [];
  private readonly polled = new Map<string, number>();

  constructor(
    private readonly subjects: SubjectEpisodes,
    private readonly now: () => number,
  ) {}

  setActions(actions: readonly ActionRecord[]): void {
    this.actions = actions.filter((action) => action.trigger === "device");
    const ids = new Set(this.actions.map((action) => action.id));
    for (const id of this.polled.keys()) if (!ids.has(id)) this.polled.delete(id);
  }

  async poll(): Promise<void> {
    for (const action of this.actions) {
      const now = this.now();
      if ((this.polled.get(action.id) ?? 0) + action.poll * 1000 > now) continue;
      this.polled.set(action.id, now);
      await this.check(action, now);
    }
  }

  private async check(action: ActionRecord, now: number): Promise<void> {
    const offline = await findOfflineDevices(db(), action.accountId, action.deviceId);
    const seen = new Set<string>();
    for (const device of offline) {
      seen.add(device.id);
      await this.subjects.advance(
        action,
        { key: device.id, deviceId: device.id, value: null },
        { at: now, fires: true, clears: false, since: device.since?.getTime() ?? now },
        () => ({ device: device.id, lastSeen: device.since?.toISOString() ?? null }),
      );
    }
    // Online again, released or removed: whatever is no longer offline clears.
    for (const subject of this.subjects.active(action.id)) {
      if (seen.has(subject)) continue;
      await this.subjects.advance(
        action,
        { key: subject, deviceId: subject, value: null },
        { at: now, fires: false, clears: true },
        () => ({}),
      );
    }
  }
}
