import { describe, expect, it } from "vitest";
import { claimRun } from "../../../lib/db/action-runs";
import { db } from "../../../lib/db/client";
import { newId } from "../../../lib/ids";
import { call } from "../client";
import { claimedDevice, tenant, type Session } from "../fixtures";
import { snapshot } from "../samples";
import { auditTrail, createAction, invoke, type CreatedAction } from "./helpers";

// action/invoke queues a run for the engine's executor; action/runs and each action's lastRun
// report the history.

/** A run recorded as a worker would, `minutesAgo` back. */
async function pastRun(me: Session, action: CreatedAction, outcome: "succeeded" | "failed", minutesAgo: number) {
  const run = await claimRun(db(), {
    id: newId(),
    accountId: me.accountId,
    actionId: action.id,
    trigger: "schedule",
    triggerKey: `schedule:${newId()}`,
    deviceId: null,
    context: {},
    outcome,
    error: outcome === "failed" ? "HTTP 503 after 8 attempts" : "",
    created: new Date(Date.now() - minutesAgo * 60_000),
  });
  return run!.id;
}

async function runsOf(me: Session, body: Record<string, unknown>, query?: string) {
  const answer = await call("/api/action/runs", { token: me.token, body, query });
  expect(answer.status, answer.text).toBe(200);
  return answer.json;
}

describe("action/invoke", () => {
  it("queues a manual run with the caller's context, and audits it", async () => {
    const me = await tenant();
    const action = await createAction(me);
    const device = await claimedDevice(me);
    const run = await invoke(me, action.name, { reason: "drill", deviceId: device.toLowerCase() });
    expect(run).toMatchObject({
      actionId: action.id,
      trigger: "manual",
      deviceId: device,
      context: { reason: "drill", deviceId: device.toLowerCase() },
      outcome: "queued",
      error: "",
      started: null,
      finished: null,
      duration: null,
    });
    const row = await db().actionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row.triggerKey).toMatch(/^manual:[0-9A-Z]{26}$/);
    expect(await auditTrail(me)).toContain(`action.invoke ${action.id} ${action.name} run ${run.id}`);
    // Each invocation is a run of its own.
    expect((await invoke(me, action.name)).id).not.toBe(run.id);
  });

  it("refuses a disabled action with 409, an unknown one or another account's device with 404, recording nothing", async () => {
    const me = await tenant();
    const off = await createAction(me, { enable: false });
    const on = await createAction(me);
    const theirs = await claimedDevice(await tenant());
    const before = await snapshot();
    const disabled = await call("/api/action/invoke", { token: me.token, body: { name: off.name } });
    expect([disabled.status, disabled.json.type, disabled.json.message]).toEqual([
      409,
      "conflict",
      `Action "${off.name}" is disabled: enable it to run it`,
    ]);
    const unknown = await call("/api/action/invoke", { token: me.token, body: { name: "No such action" } });
    expect([unknown.status, unknown.json.message]).toEqual([404, "Cannot find action"]);
    const foreign = await call("/api/action/invoke", {
      token: me.token,
      body: { name: on.name, context: { deviceId: theirs } },
    });
    expect([foreign.status, foreign.json.message]).toEqual([404, "Cannot find device"]);
    expect(await snapshot()).toBe(before);
  });
});

describe("action/runs and lastRun", () => {
  it("pages an action's runs newest first, with filters", async () => {
    const me = await tenant();
    const action = await createAction(me);
    const oldest = await pastRun(me, action, "succeeded", 30);
    const failed = await pastRun(me, action, "failed", 20);
    const newest = (await invoke(me, action.name)).id;
    // Another action's runs stay out of this one's history.
    await invoke(me, (await createAction(me)).name);

    const first = await runsOf(me, { id: action.id }, "limit=2&include=total_count");
    expect(first.data.map((run: { id: string }) => run.id)).toEqual([newest, failed]);
    expect(first.total_count).toBe(3);
    const second = await runsOf(me, { id: action.id }, `limit=2&next=${first.next}`);
    expect(second.data.map((run: { id: string }) => run.id)).toEqual([oldest]);
    expect(second.next).toBeNull();

    const failures = await runsOf(me, { id: action.id, outcome: "failed" });
    expect(failures.data).toEqual([expect.objectContaining({ id: failed, error: "HTTP 503 after 8 attempts" })]);
    const scheduled = await runsOf(me, { id: action.id, trigger__in: ["schedule"] });
    expect(scheduled.data.map((run: { id: string }) => run.id)).toEqual([failed, oldest]);
    const text = await runsOf(me, { id: action.id }, "filter=503");
    expect(text.data.map((run: { id: string }) => run.id)).toEqual([failed]);
  });

  it("shows each action's newest run in find and get", async () => {
    const me = await tenant();
    const [quiet, busy, failing] = [await createAction(me), await createAction(me), await createAction(me)];
    await pastRun(me, busy, "failed", 10);
    const latest = await invoke(me, busy.name);
    await pastRun(me, failing, "succeeded", 10);
    const failed = await pastRun(me, failing, "failed", 5);

    const found = await call("/api/action/find", { token: me.token });
    const lastRuns = Object.fromEntries(
      found.json.data.map((action: { id: string; lastRun: unknown }) => [action.id, action.lastRun]),
    );
    expect(lastRuns).toEqual({
      [quiet.id]: null,
      [busy.id]: { id: latest.id, outcome: "queued", error: "", created: latest.created },
      [failing.id]: expect.objectContaining({ id: failed, outcome: "failed", error: "HTTP 503 after 8 attempts" }),
    });
    const got = await call("/api/action/get", { token: me.token, body: { id: failing.id } });
    expect(got.json.data.lastRun).toEqual(lastRuns[failing.id]);
  });
});
