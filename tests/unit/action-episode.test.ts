import { describe, expect, it } from "vitest";
import {
  CLEAR,
  episodeConditions,
  observationOf,
  observe,
  type Episode,
  type EpisodeRules,
  type Transition,
} from "../../lib/actions/episode";
import { renderTemplate } from "../../lib/actions/template";
import { SeriesWindow } from "../../lib/actions/window";

// The episode machine (decision 018), the window it reads and the message templates: pure, so
// every rule is checked here with plain numbers and times in seconds.

const S = 1000;

/** Plays values of `value` at times (seconds) through the machine; answers the transitions made. */
function play(
  expression: string,
  clear: string,
  rules: EpisodeRules,
  values: Array<[seconds: number, value: number | null]>,
  start: Episode = CLEAR,
): { episode: Episode; transitions: Array<Transition & { at: number }> } {
  const conditions = episodeConditions(expression, clear)!;
  let episode = start;
  const transitions: Array<Transition & { at: number }> = [];
  for (const [seconds, value] of values) {
    const variables = value === null ? null : { value };
    const step = observe(episode, observationOf(conditions, variables, seconds * S), rules);
    episode = step.episode;
    if (step.transition) transitions.push({ ...step.transition, at: seconds });
  }
  return { episode, transitions };
}

const kinds = (transitions: Array<{ kind: string; at: number }>) => transitions.map((t) => `${t.kind}@${t.at}`);

describe("the episode machine", () => {
  it("fires only once the condition has held for `hold`, counted from when it became true", () => {
    const { transitions } = play("value > 30", "", { holdMs: 120 * S, rearmMs: 0 }, [
      [0, 25],
      [10, 31],
      [60, 33],
      [129, 35],
      [130, 35],
      [200, 40],
    ]);
    expect(kinds(transitions)).toEqual(["pending@10", "fire@130"]);
    expect(transitions[1]).toMatchObject({ kind: "fire", since: 10 * S });
  });

  it("starts again when the condition breaks before it held", () => {
    const { transitions } = play("value > 30", "", { holdMs: 60 * S, rearmMs: 0 }, [
      [0, 31],
      [50, 29],
      [60, 31],
      [100, 31],
      [120, 31],
    ]);
    expect(kinds(transitions)).toEqual(["pending@0", "clear@50", "pending@60", "fire@120"]);
    expect(transitions[1]).toMatchObject({ fired: false });
  });

  it("fires at once without a hold", () => {
    expect(kinds(play("value > 30", "", { holdMs: 0, rearmMs: 0 }, [[5, 31]]).transitions)).toEqual(["fire@5"]);
  });

  it("clears only when the clear condition holds (hysteresis), not when the firing one stops", () => {
    const { transitions } = play("value > 30", "value < 28", { holdMs: 0, rearmMs: 0 }, [
      [0, 31],
      [10, 29], // below the firing threshold, above the clearing one: still firing
      [20, 30],
      [30, 28],
      [40, 27.9],
    ]);
    expect(kinds(transitions)).toEqual(["fire@0", "clear@40"]);
    expect(transitions[1]).toMatchObject({ kind: "clear", fired: true });
  });

  it("without a clear condition, clears as soon as the firing one is false", () => {
    const { transitions } = play("value > 30", "", { holdMs: 0, rearmMs: 0 }, [
      [0, 31],
      [10, 30],
    ]);
    expect(kinds(transitions)).toEqual(["fire@0", "clear@10"]);
  });

  it("keeps firing while a careless clear condition overlaps the firing one", () => {
    const { transitions } = play("value > 30", "value < 35", { holdMs: 0, rearmMs: 0 }, [
      [0, 31],
      [10, 32],
      [20, 20],
    ]);
    expect(kinds(transitions)).toEqual(["fire@0", "clear@20"]);
  });

  it("within rearm of the last firing, a repeat waits, and fires only if it still holds when rearm ends", () => {
    const rules = { holdMs: 0, rearmMs: 300 * S };
    const quick = play("value > 30", "", rules, [
      [0, 31],
      [10, 20],
      [20, 31], // a repeat within rearm: pending, nothing fired
      [30, 20],
      [400, 31], // after rearm: fires
    ]);
    expect(kinds(quick.transitions)).toEqual(["fire@0", "clear@10", "pending@20", "clear@30", "fire@400"]);
    const lasting = play("value > 30", "", rules, [
      [0, 31],
      [10, 20],
      [20, 31],
      [299, 31],
      [300, 31],
    ]);
    expect(kinds(lasting.transitions)).toEqual(["fire@0", "clear@10", "pending@20", "fire@300"]);
    expect(lasting.transitions[3]).toMatchObject({ since: 20 * S });
  });

  it("without data, a pending episode falls back to clear and a firing one stays firing", () => {
    const rules = { holdMs: 60 * S, rearmMs: 0 };
    expect(
      kinds(
        play("value > 30", "", rules, [
          [0, 31],
          [30, null],
        ]).transitions,
      ),
    ).toEqual(["pending@0", "clear@30"]);
    const firing = play("value > 30", "", rules, [
      [0, 31],
      [60, 31],
      [90, null],
      [200, null],
    ]);
    expect(kinds(firing.transitions)).toEqual(["pending@0", "fire@60"]);
    expect(firing.episode.state).toBe("firing");
  });

  it("takes the time a condition began from the data when it knows it (a device's last contact)", () => {
    const rules = { holdMs: 300 * S, rearmMs: 0 };
    const step = observe(CLEAR, { at: 1000 * S, fires: true, clears: false, since: 600 * S }, rules);
    expect(step.transition).toEqual({ kind: "fire", since: 600 * S, at: 1000 * S });
  });

  it("never fires on a `not` of nothing: no data is no evidence", () => {
    const conditions = episodeConditions("not (value < 10)", "")!;
    expect(observationOf(conditions, null, 0)).toEqual({ at: 0, fires: false, clears: false });
  });

  it("refuses conditions that do not parse, and reads the window's variables", () => {
    expect(episodeConditions("value >", "")).toBeNull();
    expect(episodeConditions("value > 1", "bogus < 2")).toBeNull();
    const conditions = episodeConditions("avg > 10 and max > 20", "min < 1")!;
    expect(observationOf(conditions, { value: 0, avg: 11, max: 21, min: 5 }, 0)).toMatchObject({
      fires: true,
      clears: false,
    });
  });
});

describe("the series window", () => {
  const minute = (n: number) => n * 60 * S;

  it("takes the statistic over the period's whole minutes ending with the time's own minute", () => {
    const window = new SeriesWindow(60);
    window.add(minute(0) + 5 * S, 10);
    window.add(minute(1) + 5 * S, 20);
    window.add(minute(2) + 5 * S, 30);
    expect(window.variablesAt(minute(2) + 10 * S, 120, "avg")).toMatchObject({ value: 25, count: 2, min: 20 });
    expect(window.variablesAt(minute(2) + 10 * S, 180, "max")).toMatchObject({ value: 30, count: 3, sum: 60 });
    expect(window.variablesAt(minute(2) + 10 * S, 60, "current")?.value).toBe(30);
    // What a first look plays: each earlier bucket at its last point.
    expect(window.observedTimes(minute(2) + 10 * S)).toEqual([minute(0) + 5 * S, minute(1) + 5 * S]);
    // A point into an earlier minute is counted, though the fold of earlier minutes was cached.
    window.add(minute(1) + 30 * S, 40);
    expect(window.variablesAt(minute(2) + 10 * S, 120, "avg")?.value).toBe(30);
    // Time moves on: minutes leave the period.
    expect(window.variablesAt(minute(3), 120, "avg")?.value).toBe(30);
    expect(window.variablesAt(minute(4), 120, "avg")).toBeNull();
    expect(window.variablesAt(minute(4), 120, "count")).toEqual({ value: 0, count: 0, sum: 0 });
  });

  it("merges stored buckets and forgets what no period reaches", () => {
    const window = new SeriesWindow(60);
    window.addBucket(minute(0), { count: 2, sum: 10, min: 4, max: 6, last: 6, lastTimestamp: minute(0) + 1 });
    window.add(minute(0) + 30 * S, 20);
    expect(window.variablesAt(minute(0) + 31 * S, 60, "sum")).toMatchObject({ value: 30, count: 3, max: 20 });
    expect(window.latest).toBe(minute(0) + 30 * S);
    window.prune(minute(3), 120);
    expect(window.size).toBe(0);
  });
});

describe("message templates", () => {
  it("substitutes names and paths, formats numbers, and leaves unknown names as written", () => {
    const context = { device: "ABC", value: 31.123456789, alert: { name: "Hot" }, n: 3 };
    expect(renderTemplate("${device} at ${value} (${alert.name}, ${n}) ${nope} ${alert.missing}", context)).toBe(
      "ABC at 31.123457 (Hot, 3) ${nope} ${alert.missing}",
    );
    expect(renderTemplate("${constructor} ${toString}", {})).toBe("${constructor} ${toString}");
    expect(renderTemplate("${ device }", context)).toBe("ABC");
  });
});
