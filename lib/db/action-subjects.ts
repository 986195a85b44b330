import type { Episode, EpisodeState } from "../actions/episode";
import { isUniqueViolation, type Queryable } from "./client";

// Where each subject of an action stands (decision 018): written on every transition of its
// episode, not on every point, so a restarted engine or a second worker continues the same
// episodes (the same `since`, hence the same claim keys) instead of starting them again.

export interface SubjectRecord {
  actionId: string;
  subject: string;
  deviceId: string | null;
  episode: Episode;
  value: number | null;
}

const time = (date: Date | null) => (date ? date.getTime() : null);
const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Actions asked about in one statement: Prisma splits a long `in` list by itself only when it is the
 * whole condition, and beside the OR here 1,000 actions passed SQLite's limit of bound values.
 */
const ACTIONS_PER_READ = 500;

/** The subjects of these actions that are pending, firing or remember a firing (for rearm). */
export async function findActionSubjects(q: Queryable, actionIds: readonly string[]): Promise<SubjectRecord[]> {
  const rows = [];
  for (let start = 0; start < actionIds.length; start += ACTIONS_PER_READ) {
    const ids = actionIds.slice(start, start + ACTIONS_PER_READ);
    rows.push(
      ...(await q.actionSubject.findMany({
        where: { actionId: { in: ids }, OR: [{ state: { not: "clear" } }, { fired: { not: null } }] },
      })),
    );
  }
  return rows.map((row) => ({
    actionId: row.actionId,
    subject: row.subject,
    deviceId: row.deviceId,
    episode: { state: row.state as EpisodeState, since: time(row.since), fired: time(row.fired) },
    value: row.value,
  }));
}

export async function saveActionSubject(q: Queryable, record: SubjectRecord): Promise<void> {
  const { actionId, subject, deviceId, episode, value } = record;
  const state = { deviceId, state: episode.state, since: date(episode.since), fired: date(episode.fired), value };
  const where = { actionId_subject: { actionId, subject } };
  try {
    await q.actionSubject.upsert({ where, create: { actionId, subject, ...state }, update: state });
  } catch (error) {
    // Two workers creating the row at once: the later one updates it (to the same state).
    if (!isUniqueViolation(error)) throw error;
    await q.actionSubject.update({ where, data: state });
  }
}
