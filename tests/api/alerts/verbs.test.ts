import { describe, expect, it } from "vitest";
import { call, unique } from "../client";
import { claimedDevice, tenant, type Session } from "../fixtures";
import { snapshot } from "../samples";
import { alertIds, auditLines, getAlert, raiseVia } from "./helpers";

// The alert verbs as a person uses them: raise by hand, find, acknowledge, resolve, reopen,
// remove, and the badge's summary.

const update = (me: Session, body: Record<string, unknown>) => call("/api/alert/update", { token: me.token, body });
const updateMany = (me: Session, body: Record<string, unknown>) =>
  call("/api/alert/updateMany", { token: me.token, body });

describe("alert verbs", () => {
  it("raises, reads and removes an alert, with an audit entry for each change", async () => {
    const me = await tenant();
    const deviceId = await claimedDevice(me);
    const seq = unique("seq");
    const created = await raiseVia(me, {
      name: "Door open",
      deviceId,
      subject: "door",
      message: "Open for 5 minutes",
      severity: "error",
      seq,
      context: { minutes: 5 },
    });
    expect(created).toMatchObject({
      name: "Door open",
      deviceId,
      subject: "door",
      message: "Open for 5 minutes",
      severity: "error",
      seq,
      count: 1,
      state: "open",
      context: { minutes: 5, raisedBy: me.email },
      actionId: null,
      acknowledgedBy: null,
      resolvedBy: null,
    });
    const defaults = await raiseVia(me, { name: "Plain" });
    expect(defaults).toMatchObject({ deviceId: null, subject: "", message: "", severity: "warning", seq: "" });
    expect(await getAlert(me, created.id)).toEqual(created);

    const removed = await call("/api/alert/remove", { token: me.token, body: { id: created.id } });
    expect(removed.json.data).toEqual({ id: created.id, removed: true });
    const gone = await call("/api/alert/get", { token: me.token, body: { id: created.id } });
    expect([gone.status, gone.json.message]).toEqual([404, "Cannot find alert"]);
    const again = await call("/api/alert/remove", { token: me.token, body: { id: created.id } });
    expect(again.status).toBe(404);
    expect(await auditLines(me)).toEqual(
      expect.arrayContaining([`alert.create ${created.id} Door open`, `alert.remove ${created.id} Door open`]),
    );
  });

  it("acknowledges and resolves with who and when, and takes either back", async () => {
    const me = await tenant();
    const seq = unique("seq");
    const alert = await raiseVia(me, { name: "Leak", seq });

    const acknowledged = (await update(me, { id: alert.id, acknowledged: true })).json.data;
    expect(acknowledged).toMatchObject({ state: "acknowledged", acknowledged: true, acknowledgedBy: me.email });
    // `updated` is the last raise: deciding about the alert leaves it where the raise put it.
    expect(acknowledged.updated).toBe(alert.updated);
    // Deciding what already holds changes nothing: the first acknowledgement keeps its author.
    expect((await update(me, { id: alert.id, acknowledged: true })).json.data).toEqual(acknowledged);

    const resolved = (await update(me, { id: alert.id, resolved: true })).json.data;
    expect(resolved).toMatchObject({ state: "resolved", resolved: true, resolvedBy: me.email, acknowledged: true });
    // Resolved, its seq is free: a raise is a new alert.
    const next = await raiseVia(me, { name: "Leak", seq });
    expect(next.id).not.toBe(alert.id);
    await update(me, { id: next.id, resolved: true });

    const reopened = (await update(me, { id: alert.id, resolved: false })).json.data;
    expect(reopened).toMatchObject({ state: "acknowledged", resolved: false, resolvedAt: null, resolvedBy: null });
    expect((await raiseVia(me, { name: "Leak", seq })).id).toBe(alert.id);
    const open = (await update(me, { id: alert.id, acknowledged: false })).json.data;
    expect(open).toMatchObject({ state: "open", acknowledged: false, acknowledgedBy: null, count: 2 });
    const both = (await update(me, { id: alert.id, acknowledged: true, resolved: true })).json.data;
    expect(both).toMatchObject({ state: "resolved", acknowledged: true, resolved: true });

    expect((await auditLines(me)).filter((line) => line.includes(alert.id)).sort()).toEqual(
      [
        `alert.create ${alert.id} Leak`,
        `alert.create ${alert.id} Leak`,
        `alert.acknowledge ${alert.id} Leak`,
        `alert.acknowledge ${alert.id} Leak`,
        `alert.resolve ${alert.id} Leak`,
        `alert.resolve ${alert.id} Leak`,
        `alert.reopen ${alert.id} Leak`,
        `alert.reopen ${alert.id} Leak`,
      ].sort(),
    );
  });

  it("refuses to reopen an alert whose seq is open again as a newer alert (409), changing nothing", async () => {
    const me = await tenant();
    const seq = unique("seq");
    const old = await raiseVia(me, { seq });
    await update(me, { id: old.id, resolved: true });
    const newer = await raiseVia(me, { seq });
    const before = await snapshot();
    const refused = await update(me, { id: old.id, resolved: false });
    expect([refused.status, refused.json.type]).toEqual([409, "conflict"]);
    expect(refused.json.message).toContain(`open again as alert ${newer.id}`);
    const many = await updateMany(me, { ids: [newer.id, old.id], acknowledged: true, resolved: false });
    expect(many.status).toBe(409);
    expect(await snapshot()).toBe(before);
  });

  it("refuses an update that decides nothing with 400", async () => {
    const me = await tenant();
    const alert = await raiseVia(me);
    const before = await snapshot();
    for (const answer of [await update(me, { id: alert.id }), await updateMany(me, { ids: [alert.id] })]) {
      expect([answer.status, answer.json.type]).toEqual([400, "validation_error"]);
      expect(answer.json.fields.map((f: { name: string }) => f.name)).toEqual(["acknowledged", "resolved"]);
    }
    expect(await snapshot()).toBe(before);
  });

  it("acknowledges or resolves many at once, all or nothing", async () => {
    const [me, other] = [await tenant(), await tenant()];
    const mine = [await raiseVia(me), await raiseVia(me), await raiseVia(me)];
    const theirs = await raiseVia(other);
    const ids = mine.map((alert) => alert.id);

    await update(me, { id: ids[0], acknowledged: true });
    const acknowledged = (await updateMany(me, { ids, acknowledged: true })).json.data;
    expect(acknowledged).toEqual({ updated: 2, ids: ids.slice(1).sort() });

    const before = await snapshot();
    for (const foreign of [theirs.id, "01NOSUCHALERT0000000000000"]) {
      const refused = await updateMany(me, { ids: [...ids, foreign], resolved: true });
      expect([refused.status, refused.json.type]).toEqual([404, "not_found"]);
      expect(refused.json.message).toBe(`Cannot find alert: ${foreign}`);
    }
    expect(await snapshot()).toBe(before);

    const resolved = (await updateMany(me, { ids: [...ids, ids[0]], resolved: true })).json.data;
    expect(resolved).toEqual({ updated: 3, ids: [...ids].sort() });
    for (const id of ids) expect(await getAlert(me, id)).toMatchObject({ state: "resolved", resolvedBy: me.email });
    expect((await getAlert(other, theirs.id)).state).toBe("open");
  });

  it("counts unresolved alerts by severity for the badge, and silenced ones apart", async () => {
    const me = await tenant();
    const summary = async () => (await call("/api/alert/summary", { token: me.token })).json.data;
    expect(await summary()).toEqual({
      open: 0,
      bySeverity: { info: 0, warning: 0, error: 0, critical: 0 },
      silenced: 0,
    });
    const critical = await raiseVia(me, { severity: "critical" });
    await raiseVia(me, { severity: "critical" });
    const info = await raiseVia(me, { severity: "info" });
    const resolved = await raiseVia(me, { severity: "error" });
    await update(me, { id: resolved.id, resolved: true });
    await update(me, { id: critical.id, acknowledged: true });
    expect(await summary()).toEqual({
      open: 3,
      bySeverity: { info: 1, warning: 0, error: 0, critical: 2 },
      silenced: 0,
    });
    await update(me, { id: info.id, resolved: true });
    expect((await summary()).open).toBe(2);
  });
});

describe("alert/find", () => {
  it("filters by severity, state, device, seq and text", async () => {
    const me = await tenant();
    const [pump, valve] = [await claimedDevice(me), await claimedDevice(me)];
    const a = await raiseVia(me, { deviceId: pump, severity: "critical", name: "Pump overheating" });
    const b = await raiseVia(me, { deviceId: valve, severity: "warning", message: "Valve stuck", seq: "valve" });
    const c = await raiseVia(me, { deviceId: pump, severity: "warning", subject: "pressure" });
    await update(me, { id: b.id, acknowledged: true });
    await update(me, { id: c.id, resolved: true });
    const sorted = async (body: Record<string, unknown>, query?: string) => (await alertIds(me, body, query)).sort();

    expect(await sorted({})).toEqual([a.id, b.id, c.id].sort());
    expect(await sorted({ severity: "critical" })).toEqual([a.id]);
    expect(await sorted({ severity__in: ["warning", "info"] })).toEqual([b.id, c.id].sort());
    expect(await sorted({ state: "open" })).toEqual([a.id]);
    expect(await sorted({ state__neq: "resolved" })).toEqual([a.id, b.id].sort());
    expect(await sorted({ deviceId: pump })).toEqual([a.id, c.id].sort());
    expect(await sorted({ seq: "valve" })).toEqual([b.id]);
    expect(await sorted({}, "filter=OVERHEAT")).toEqual([a.id]);
    expect(await sorted({}, "filter=stuck")).toEqual([b.id]);
    expect(await sorted({}, "filter=pressure")).toEqual([c.id]);
    expect(await sorted({}, `filter=${valve}`)).toEqual([b.id]);
    const bad = await call("/api/alert/find", { token: me.token, body: { severity: "dire" } });
    expect([bad.status, bad.json.type]).toEqual([400, "validation_error"]);
  });

  it("filters by time and pages newest first", async () => {
    const me = await tenant();
    const raised = [];
    for (let i = 0; i < 5; i++) raised.push(await raiseVia(me, { name: `alert ${i}` }));
    const newestFirst = [...raised]
      .sort((x, y) => y.created.localeCompare(x.created) || y.id.localeCompare(x.id))
      .map((alert) => alert.id);
    expect(await alertIds(me)).toEqual(newestFirst);

    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await call("/api/alert/find", {
        token: me.token,
        query: `limit=2&include=total_count${next ? `&next=${encodeURIComponent(next)}` : ""}`,
      });
      expect(page.json.total_count).toBe(5);
      seen.push(...page.json.data.map((alert: { id: string }) => alert.id));
      next = page.json.next ?? undefined;
    } while (next);
    expect(seen).toEqual(newestFirst);

    const [from, to] = [raised[1].created, raised[3].created];
    const within = raised.filter((alert) => alert.created >= from && alert.created <= to).map((alert) => alert.id);
    expect(within.length).toBeLessThan(5);
    expect((await alertIds(me, { created__gte: from, created__lte: to })).sort()).toEqual(within.sort());
    const compact = from.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    expect((await alertIds(me, { created__gte: compact })).length).toBeGreaterThanOrEqual(4);
  });
});
