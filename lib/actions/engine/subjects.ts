import type { Trigger } from "../../contracts/action";
import type { ActionRecord } from "../../db/actions";
import { saveActionSubject, type SubjectRecord } from "../../db/action-subjects";
import { db } from "../../db/client";
import { CLEAR, observe, rulesOf, type Episode, type Observation } from "../episode";

// The episodes of every subject of the engine's metric and device actions, in memory and mirrored
// in ActionSubject on each transition (decision 018). A firing claims a run keyed by the subject
// and the time its episode began, so every worker that sees the same episode claims the same key
// and one run is recorded; an episode that clears after firing resolves the alert it raised.

export interface Firing {
  action: ActionRecord;
  trigger: Trigger;
  /** Deterministic: the same trigger seen by several workers gives the same key. */
  triggerKey: string;
  deviceId: string | null;
  context: Record<string, unknown>;
}

export interface SubjectEffects {
  /** Claims the run and, when this worker claimed it, runs it. */
  fire(firing: Firing): Promise<void>;
  /** The episode that fired has cleared: resolve what it raised. */
  cleared(action: ActionRecord, subject: string, deviceId: string | null): Promise<void>;
}

/** The claim key of an episode's firing: its subject and when it began. */
export const episodeKey = (subject: string, since: number) => `${subject}@${since}`;

export class SubjectEpisodes {
  /** Per action, per subject: only episodes other than a fresh clear are kept. */
  private readonly episodes = new Map<string, Map<string, Episode>>();

  constructor(private readonly effects: SubjectEffects) {}

  /** Takes what ActionSubject holds for these actions, forgetting actions no longer watched. */
  load(actionIds: ReadonlySet<string>, records: readonly SubjectRecord[]): void {
    for (const id of this.episodes.keys()) if (!actionIds.has(id)) this.episodes.delete(id);
    for (const record of records) this.of(record.actionId).set(record.subject, record.episode);
  }

  episode(actionId: string, subject: string): Episode {
    return this.episodes.get(actionId)?.get(subject) ?? CLEAR;
  }

  /** The subjects of an action that are pending or firing. */
  active(actionId: string): string[] {
    const subjects = this.episodes.get(actionId);
    if (!subjects) return [];
    return [...subjects].filter(([, episode]) => episode.state !== "clear").map(([subject]) => subject);
  }

  /**
   * Moves one subject's episode on by an observation, recording a transition and acting on it.
   * `context` is built only when it fires.
   */
  async advance(
    action: ActionRecord,
    subject: { key: string; deviceId: string | null; value: number | null },
    observation: Observation,
    context: () => Record<string, unknown>,
  ): Promise<void> {
    const before = this.episode(action.id, subject.key);
    const { episode, transition } = observe(before, observation, rulesOf(action));
    if (!transition) return;
    // The effect comes first, and the episode moves on (in memory, then saved) only once it is
    // done: a claim or a resolve that failed (the database briefly unavailable) is made again at
    // the next look, under the same key. A worker that stops between the claim and the save finds
    // the episode pending, fires it again with that key, and the claim refuses the repeat.
    if (transition.kind === "fire") {
      // Until claimed, it is pending since the same time, so the next look fires under the same key.
      this.set(action.id, subject.key, { state: "pending", since: transition.since, fired: before.fired });
      await this.effects.fire({
        action,
        trigger: action.trigger,
        triggerKey: episodeKey(subject.key, transition.since),
        deviceId: subject.deviceId,
        context: { ...context(), subject: subject.key, since: new Date(transition.since).toISOString() },
      });
    }
    if (transition.kind === "clear" && transition.fired)
      await this.effects.cleared(action, subject.key, subject.deviceId);
    this.set(action.id, subject.key, episode);
    await saveActionSubject(db(), {
      actionId: action.id,
      subject: subject.key,
      deviceId: subject.deviceId,
      episode,
      value: subject.value,
    });
  }

  private of(actionId: string): Map<string, Episode> {
    let subjects = this.episodes.get(actionId);
    if (!subjects) this.episodes.set(actionId, (subjects = new Map()));
    return subjects;
  }

  private set(actionId: string, subject: string, episode: Episode): void {
    if (episode.state === "clear" && episode.fired === null) this.episodes.get(actionId)?.delete(subject);
    else this.of(actionId).set(subject, episode);
  }
}
