import { evaluateCondition, parseCondition, type Condition } from "./condition";

// One subject of a condition (a series, a device) through its episodes (decision 018): clear →
// pending (the condition became true) → firing (it held `hold`) → clear again only when the clear
// condition holds (hysteresis). Pure, and the only definition: the engine drives it with points
// and polls, the action form's preview with stored buckets. Time is always passed in.

export type EpisodeState = "clear" | "pending" | "firing";

export interface Episode {
  state: EpisodeState;
  /** When the condition became true (pending and firing): hold counts from here. */
  since: number | null;
  /** When it last fired: rearm counts from here. */
  fired: number | null;
}

export const CLEAR: Episode = { state: "clear", since: null, fired: null };

export interface EpisodeRules {
  holdMs: number;
  rearmMs: number;
}

/** An action's rules, from its settings in seconds. */
export const rulesOf = (settings: { hold: number; rearm: number }): EpisodeRules => ({
  holdMs: settings.hold * 1000,
  rearmMs: settings.rearm * 1000,
});

export interface Observation {
  /** The time the condition was looked at: a point's time, or the clock on a poll. */
  at: number;
  /** The firing condition holds. */
  fires: boolean;
  /** The clear condition holds. */
  clears: boolean;
  /** When the condition began, when the data knows better than `at` (a device's last contact). */
  since?: number;
}

/** What an observation changed; null when nothing did. */
export type Transition =
  | { kind: "pending"; since: number }
  | { kind: "fire"; since: number; at: number }
  /** `fired`: the episode had fired (its alert is to be resolved); false when it only was pending. */
  | { kind: "clear"; fired: boolean };

function heldAt(episode: Episode, at: number, rules: EpisodeRules): boolean {
  const since = episode.since!;
  // A repeat within rearm of the last firing waits: it fires when rearm ends, if it still holds.
  const rearmed = episode.fired === null || at >= episode.fired + rules.rearmMs;
  return at - since >= rules.holdMs && rearmed;
}

/** The episode after one observation, and the transition it made. */
export function observe(
  episode: Episode,
  observation: Observation,
  rules: EpisodeRules,
): { episode: Episode; transition: Transition | null } {
  const { at, fires, clears } = observation;
  if (episode.state === "firing") {
    // The firing condition still true keeps it firing even when a careless clear condition overlaps.
    if (!clears || fires) return { episode, transition: null };
    return { episode: { ...episode, state: "clear", since: null }, transition: { kind: "clear", fired: true } };
  }
  if (!fires) {
    if (episode.state === "clear") return { episode, transition: null };
    return { episode: { ...episode, state: "clear", since: null }, transition: { kind: "clear", fired: false } };
  }
  const pending: Episode =
    episode.state === "pending" ? episode : { ...episode, state: "pending", since: observation.since ?? at };
  if (heldAt(pending, at, rules)) {
    const since = pending.since!;
    return { episode: { state: "firing", since, fired: at }, transition: { kind: "fire", since, at } };
  }
  return {
    episode: pending,
    transition: pending === episode ? null : { kind: "pending", since: pending.since! },
  };
}

// ---- conditions over a window of a series

/** The names a metric condition may use: the period's statistic as `value`, and the rest of it. */
export const METRIC_VARIABLES = ["value", "count", "min", "max", "avg", "sum"] as const;

export interface EpisodeConditions {
  fires: Condition;
  /** null: it clears when `fires` is false. */
  clears: Condition | null;
}

/**
 * An action's two conditions, read once; null when either does not parse (the services refuse such
 * an action, so only a row written behind their back has one).
 */
export function episodeConditions(expression: string, clear: string): EpisodeConditions | null {
  const fires = parseCondition(expression, METRIC_VARIABLES);
  if (!fires.ok) return null;
  if (!clear) return { fires: fires.condition, clears: null };
  const clears = parseCondition(clear, METRIC_VARIABLES);
  return clears.ok ? { fires: fires.condition, clears: clears.condition } : null;
}

/**
 * What the conditions say at `at`. Without data (`variables` null: nothing in the period) nothing
 * is known: a pending episode falls back to clear, a firing one stays firing until data clears it.
 */
export function observationOf(
  conditions: EpisodeConditions,
  variables: Readonly<Record<string, number>> | null,
  at: number,
): Observation {
  if (!variables) return { at, fires: false, clears: false };
  const fires = evaluateCondition(conditions.fires, variables);
  const clears = conditions.clears ? evaluateCondition(conditions.clears, variables) : !fires;
  return { at, fires, clears };
}
