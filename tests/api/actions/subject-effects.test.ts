import { describe, expect, it } from "vitest";
import { SubjectEpisodes, type Firing } from "../../../lib/actions/engine/subjects";
import { findAction } from "../../../lib/db/actions";
import { db } from "../../../lib/db/client";
import { tenant } from "../fixtures";
import { subjectOf } from "./engine";
import { createAction } from "./helpers";

// A subject's episode moves on only once its effect is done: a firing whose claim failed (the
// database briefly unavailable) fires again at the next look, under the same key, and a clear
// whose alert could not be resolved resolves it at the next look.

const SUBJECT = "temp|{}";

/** Effects that fail their first call, as a database that was briefly unavailable would. */
function flaky() {
  const fired: Firing[] = [];
  const cleared: string[] = [];
  let failures = { fire: 1, cleared: 1 };
  const fail = (which: "fire" | "cleared") => {
    if (failures[which] === 0) return false;
    failures = { ...failures, [which]: failures[which] - 1 };
    return true;
  };
  return {
    fired,
    cleared,
    effects: {
      fire: async (firing: Firing) => {
        if (fail("fire")) throw new Error("database unavailable");
        fired.push(firing);
      },
      cleared: async (_action: unknown, subject: string) => {
        if (fail("cleared")) throw new Error("database unavailable");
        cleared.push(subject);
      },
    },
  };
}

describe("subject episodes", () => {
  it("fire again after a failed claim, and clear again after a failed resolve", async () => {
    const me = await tenant();
    const created = await createAction(me, { trigger: "metric", metric: "temp", expression: "value > 30" });
    const action = (await findAction(db(), me.accountId, created.id))!;
    const { fired, cleared, effects } = flaky();
    const episodes = new SubjectEpisodes(effects);
    const subject = { key: SUBJECT, deviceId: null, value: 35 };
    const hot = (at: number) => ({ at, fires: true, clears: false });
    const cool = (at: number) => ({ at, fires: false, clears: true });

    await expect(episodes.advance(action, subject, hot(1000), () => ({}))).rejects.toThrow("database unavailable");
    await episodes.advance(action, subject, hot(2000), () => ({}));
    expect(fired.map((firing) => firing.triggerKey)).toEqual([`${SUBJECT}@1000`]);
    expect(await subjectOf(action.id, SUBJECT)).toMatchObject({ state: "firing" });

    await expect(episodes.advance(action, subject, cool(3000), () => ({}))).rejects.toThrow("database unavailable");
    await episodes.advance(action, subject, cool(4000), () => ({}));
    expect(cleared).toEqual([SUBJECT]);
    expect(await subjectOf(action.id, SUBJECT)).toMatchObject({ state: "clear" });
  });
});
