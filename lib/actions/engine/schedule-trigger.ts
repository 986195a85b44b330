import type { ActionRecord } from "../../db/actions";
import { advanceSchedule, findDueSchedules } from "../../db/action-triggers";
import { db } from "../../db/client";
import { log } from "../../log";
import { nextOccurrence, parseSchedule } from "../cron";
import type { Firing } from "./subjects";

// Schedule triggers (decision 018): the next occurrence lives in the action's row, so a restart or
// another worker carries on from it. A due occurrence is claimed under its own time, and the row
// moves on to the first occurrence after now: occurrences missed while no worker ran collapse
// into one run.

/** Looks at this many due schedules per poll; the rest are due at the next. */
const DUE_BATCH = 100;

/** The first occurrence after `now`; null for an action that is no schedule or has none. */
export function firstRun(action: Pick<ActionRecord, "trigger" | "schedule" | "timezone">, now: Date): Date | null {
  if (action.trigger !== "schedule") return null;
  const parsed = parseSchedule(action.schedule, action.timezone);
  return parsed.ok ? nextOccurrence(parsed.schedule, now) : null;
}

export class ScheduleTrigger {
  /** Actions whose schedule does not parse, as last changed: told once, not every second. */
  private readonly refused = new Set<string>();

  constructor(
    private readonly fire: (firing: Firing) => Promise<void>,
    private readonly now: () => number,
  ) {}

  async poll(): Promise<void> {
    const now = new Date(this.now());
    for (const action of await findDueSchedules(db(), now, DUE_BATCH)) {
      const next = firstRun(action, now);
      if (!next) {
        const version = `${action.id}@${action.updated.getTime()}`;
        if (!this.refused.has(version))
          log.warn("schedule action with an unreadable schedule", { actionId: action.id });
        this.refused.add(version);
        continue;
      }
      const occurrence = action.nextRun;
      if (occurrence) {
        await this.fire({
          action,
          trigger: "schedule",
          triggerKey: `schedule:${occurrence.toISOString()}`,
          deviceId: null,
          context: { schedule: action.schedule, occurrence: occurrence.toISOString() },
        });
      }
      // A row that never had a next run gets its first (nothing was due yet).
      await advanceSchedule(db(), action, next);
    }
  }
}
