import { severityRank } from "../../contracts/alert";
import type { ActionRecord } from "../../db/actions";
import { findNewAlerts, type AlertCursor, type NewAlert } from "../../db/action-triggers";
import { db } from "../../db/client";
import type { Firing } from "./subjects";

// Alert triggers (decision 018): new alerts (not repeats of an open one), unsilenced, of a
// severity at least the action's, fire the account's alert actions, each alert once per action
// (claim key `alert:<id>`). An action never fires on an alert it raised itself, so an alert step
// cannot feed its own trigger.

/** At start, alerts this old are looked at again: the claims refuse any already acted on. */
const LOOKBACK_MS = 10 * 60_000;
/** Alerts committed out of their `created` order are still found: each look reaches this far back. */
const SLACK_MS = 5_000;
const BATCH = 1000;

/** Whether an alert of the action's own account fires it. */
function firesOn(action: ActionRecord, alert: NewAlert): boolean {
  if (alert.actionId === action.id) return false;
  if (alert.created < action.created) return false;
  return action.minSeverity === "" || severityRank(alert.severity) >= severityRank(action.minSeverity);
}

export class AlertTrigger {
  private byAccount = new Map<string, ActionRecord[]>();
  private watermark: number | null = null;
  /** Alerts handled within the slack, by ID, with their creation time. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly fire: (firing: Firing) => Promise<void>,
    private readonly now: () => number,
  ) {}

  setActions(actions: readonly ActionRecord[]): void {
    this.byAccount = new Map();
    for (const action of actions) {
      if (action.trigger !== "alert") continue;
      this.byAccount.set(action.accountId, [...(this.byAccount.get(action.accountId) ?? []), action]);
    }
  }

  async poll(): Promise<void> {
    if (this.byAccount.size === 0) return;
    this.watermark ??= this.now() - LOOKBACK_MS;
    // Page by page: a burst of more than a page within the slack must not be read again and again.
    let after: AlertCursor = { created: new Date(this.watermark - SLACK_MS), id: "" };
    for (;;) {
      const alerts = await findNewAlerts(db(), [...this.byAccount.keys()], after, BATCH);
      await this.take(alerts);
      if (alerts.length < BATCH) break;
      after = alerts.at(-1)!;
    }
    for (const [id, created] of this.seen) if (created < this.watermark - SLACK_MS) this.seen.delete(id);
  }

  private async take(alerts: readonly NewAlert[]): Promise<void> {
    for (const alert of alerts) {
      if (this.seen.has(alert.id)) continue;
      for (const action of this.byAccount.get(alert.accountId) ?? []) {
        if (!firesOn(action, alert)) continue;
        await this.fire({
          action,
          trigger: "alert",
          triggerKey: `alert:${alert.id}`,
          deviceId: alert.deviceId,
          context: {
            device: alert.deviceId ?? "",
            alert: { id: alert.id, name: alert.name, message: alert.message, severity: alert.severity },
          },
        });
      }
      this.seen.set(alert.id, alert.created.getTime());
      this.watermark = Math.max(this.watermark ?? 0, alert.created.getTime());
    }
  }
}
