import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db/client";
import { env } from "../../../lib/env";
import { decrypt } from "../../../lib/security/secrets";
import { call, unique } from "../client";
import { cloudToken, tenant } from "../fixtures";
import { snapshot } from "../samples";
import { auditTrail, createAction, invoke } from "./helpers";

// action/create, get, find, update, remove: defaults, the secret shown once and sealed at rest,
// names unique per account, roles, and another account's actions as absent as missing ones.

const rowOf = (id: string) => db().action.findUniqueOrThrow({ where: { id } });

describe("action create, get, find, update, remove", () => {
  it("creates an action with its defaults and answers its secret once, kept encrypted at rest", async () => {
    const me = await tenant();
    const created = await createAction(me, { name: "Page the on-call", message: "Hot: ${value}" });
    expect(created).toMatchObject({
      name: "Page the on-call",
      enable: true,
      trigger: "manual",
      type: "alert",
      severity: "warning",
      message: "Hot: ${value}",
      namespace: "Embedthis/Device",
      statistic: "avg",
      period: 300,
      nextRun: null,
      lastRun: null,
    });
    expect(created.secret).toMatch(/^fpw_[\w-]{32}$/);

    const got = await call("/api/action/get", { token: me.token, body: { id: created.id } });
    const { secret, ...view } = created;
    expect(got.json.data).toEqual(view);
    const found = await call("/api/action/find", { token: me.token });
    expect(found.json.data).toEqual([view]);
    expect(found.text).not.toContain(secret);

    const row = await rowOf(created.id);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(decrypt(row.secret, env().encryptionKey)).toBe(secret);
    expect(await auditTrail(me)).toContain(`action.create ${created.id} Page the on-call`);
  });

  it("changes an action, answers a new secret only when asked to rotate it, and audits each change", async () => {
    const me = await tenant();
    const created = await createAction(me);
    const changed = await call("/api/action/update", {
      token: me.token,
      body: { id: created.id, description: "Tell the team", severity: "critical", enable: false },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.data).toMatchObject({ description: "Tell the team", severity: "critical", enable: false });
    expect(changed.json.data.secret).toBeUndefined();
    expect(decrypt((await rowOf(created.id)).secret, env().encryptionKey)).toBe(created.secret);

    const rotated = await call("/api/action/update", { token: me.token, body: { id: created.id, rotateSecret: true } });
    expect(rotated.json.data.secret).toMatch(/^fpw_/);
    expect(rotated.json.data.secret).not.toBe(created.secret);
    expect(decrypt((await rowOf(created.id)).secret, env().encryptionKey)).toBe(rotated.json.data.secret);
    expect(rotated.json.data.description).toBe("Tell the team");
    const trail = await auditTrail(me);
    expect(trail.filter((entry) => entry.startsWith(`action.update ${created.id}`))).toHaveLength(2);
  });

  it("keeps names unique per account: a taken name answers 409 and changes nothing", async () => {
    const me = await tenant();
    const first = await createAction(me, { name: "Overheat" });
    const second = await createAction(me, { name: "Cold" });
    const before = await snapshot();
    const again = await call("/api/action/create", {
      token: me.token,
      body: { name: "Overheat", trigger: "manual", type: "alert" },
    });
    expect([again.status, again.json.type, again.json.message]).toEqual([
      409,
      "conflict",
      'An action named "Overheat" exists already',
    ]);
    const renamed = await call("/api/action/update", { token: me.token, body: { id: second.id, name: "Overheat" } });
    expect([renamed.status, renamed.json.type]).toEqual([409, "conflict"]);
    expect(await snapshot()).toBe(before);
    // Its own name is no conflict, and another account may use it.
    const same = await call("/api/action/update", { token: me.token, body: { id: first.id, name: "Overheat" } });
    expect(same.status, same.text).toBe(200);
    await createAction(await tenant(), { name: "Overheat" });
  });

  it("lets one of several concurrent creates of a name win, and answers the others 409", async () => {
    const me = await tenant();
    const body = { name: "Racing", trigger: "manual", type: "alert" };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call("/api/action/create", { token: me.token, body })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
  });

  it("removes an action with its runs, and audits it", async () => {
    const me = await tenant();
    const created = await createAction(me);
    await invoke(me, created.name);
    const removed = await call("/api/action/remove", { token: me.token, body: { id: created.id } });
    expect(removed.json.data).toEqual({ id: created.id, removed: true });
    expect(await db().actionRun.count({ where: { actionId: created.id } })).toBe(0);
    const got = await call("/api/action/get", { token: me.token, body: { id: created.id } });
    expect([got.status, got.json.message]).toEqual([404, "Cannot find action"]);
    expect(await auditTrail(me)).toContain(`action.remove ${created.id} ${created.name}`);
  });

  it("lets viewers read, users also invoke, and only admins change actions", async () => {
    const me = await tenant();
    const created = await createAction(me);
    const viewer = await cloudToken(me, "viewer");
    const user = await cloudToken(me, "user");
    const before = await snapshot();
    for (const token of [viewer, user]) {
      for (const [verb, body] of [
        ["create", { name: unique("action"), trigger: "manual", type: "alert" }],
        ["update", { id: created.id, description: "mine" }],
        ["remove", { id: created.id }],
      ] as const) {
        const answer = await call(`/tok/action/${verb}`, { token, body });
        expect([answer.status, answer.json.type], verb).toEqual([403, "access_denied"]);
      }
    }
    const refused = await call("/tok/action/invoke", { token: viewer, body: { name: created.name } });
    expect([refused.status, refused.json.type]).toEqual([403, "access_denied"]);
    expect(await snapshot()).toBe(before);
    for (const [verb, body] of [
      ["get", { id: created.id }],
      ["find", {}],
      ["runs", { id: created.id }],
    ] as const) {
      expect((await call(`/tok/action/${verb}`, { token: viewer, body })).status, verb).toBe(200);
    }
    const invoked = await call("/tok/action/invoke", { token: user, body: { name: created.name } });
    expect(invoked.json.data).toMatchObject({ actionId: created.id, trigger: "manual", outcome: "queued" });
  });

  it("answers 404 for another account's action, by ID or by name, and changes nothing", async () => {
    const owner = await tenant();
    const created = await createAction(owner);
    const other = await tenant();
    const before = await snapshot();
    for (const [verb, body] of [
      ["get", { id: created.id }],
      ["update", { id: created.id, description: "mine" }],
      ["remove", { id: created.id }],
      ["runs", { id: created.id }],
      ["invoke", { name: created.name }],
    ] as const) {
      const answer = await call(`/api/action/${verb}`, { token: other.token, body });
      expect([answer.status, answer.json.type, answer.json.message], verb).toEqual([
        404,
        "not_found",
        "Cannot find action",
      ]);
    }
    expect(await snapshot()).toBe(before);
  });

  it("finds actions by trigger, step type, state and text", async () => {
    const me = await tenant();
    const hook = await createAction(me, { name: "Hook in", trigger: "http", type: "alert" });
    const mail = await createAction(me, {
      name: "Mail out",
      description: "weekly digest",
      trigger: "schedule",
      schedule: "0 9 * * 1",
      type: "email",
      destination: "ops@example.com",
      enable: false,
    });
    const names = async (body: Record<string, unknown>, query?: string) => {
      const found = await call("/api/action/find", { token: me.token, body, query });
      expect(found.status, found.text).toBe(200);
      return found.json.data.map((action: { name: string }) => action.name);
    };
    expect(await names({ trigger: "http" })).toEqual([hook.name]);
    expect(await names({ type__in: ["email", "device"] })).toEqual([mail.name]);
    expect(await names({ enable: false })).toEqual([mail.name]);
    expect(await names({}, "filter=DIGEST")).toEqual([mail.name]);
    expect(await names({}, "sort=name&order=DESC")).toEqual([mail.name, hook.name]);
  });
});

describe("schedules", () => {
  it("sets nextRun to the schedule's next occurrence in its time zone, and clears it when off", async () => {
    const me = await tenant();
    const created = await createAction(me, { trigger: "schedule", schedule: "30 9 * * *", timezone: "Asia/Tokyo" });
    const next = new Date(created.nextRun as string);
    // 09:30 in Tokyo is 00:30 UTC, within the next day.
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 30]);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);

    const update = (body: Record<string, unknown>) =>
      call("/api/action/update", { token: me.token, body: { id: created.id, ...body } });
    expect((await update({ enable: false })).json.data.nextRun).toBeNull();
    const hourly = (await update({ enable: true, schedule: "0 * * * *" })).json.data.nextRun as string;
    expect(new Date(hourly).getUTCMinutes()).toBe(0);
    expect(new Date(hourly).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    // A change that does not touch the schedule leaves it where it is.
    expect((await update({ description: "hourly" })).json.data.nextRun).toBe(hourly);
    expect((await update({ trigger: "manual" })).json.data.nextRun).toBeNull();
  });
});
