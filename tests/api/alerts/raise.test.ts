import { describe, expect, it } from "vitest";
import { transaction } from "../../../lib/db/client";
import { raiseAlert, resolveAlerts, type RaiseInput } from "../../../lib/services/alerts";
import { call, unique } from "../client";
import { claimedDevice, tenant } from "../fixtures";

// raiseAlert and resolveAlerts as the action engine calls them: in a transaction of the caller's,
// de-duplicated by seq in the database however many raise at once.

const raise = (input: RaiseInput) => transaction((tx) => raiseAlert(tx, input));
const resolve = (accountId: string, seq: string) =>
  transaction((tx) => resolveAlerts(tx, { accountId, seq, by: "engine" }));

describe("raiseAlert", () => {
  it("records a new alert, then counts a repeat of its seq on it", async () => {
    const me = await tenant();
    const deviceId = await claimedDevice(me);
    const seq = unique("seq");
    const first = await raise({
      accountId: me.accountId,
      deviceId,
      name: "Hot",
      severity: "critical",
      seq,
      message: "31 °C",
      context: { value: 31 },
      by: "action Hot",
    });
    expect(first).toMatchObject({ created: true, silenced: false });
    expect(first.alert).toMatchObject({
      deviceId,
      name: "Hot",
      severity: "critical",
      seq,
      count: 1,
      state: "open",
      message: "31 °C",
      context: { value: 31, raisedBy: "action Hot" },
      silenced: false,
    });
    expect(first.alert.updated).toBe(first.alert.created);

    const repeat = await raise({
      accountId: me.accountId,
      deviceId,
      name: "Hot",
      severity: "critical",
      seq,
      message: "33 °C",
      context: { value: 33 },
      by: "action Hot",
    });
    expect(repeat.created).toBe(false);
    expect(repeat.alert).toMatchObject({ id: first.alert.id, count: 2, message: "33 °C", context: { value: 33 } });
    expect(repeat.alert.created).toBe(first.alert.created);
    expect(Date.parse(repeat.alert.updated)).toBeGreaterThanOrEqual(Date.parse(first.alert.updated));
  });

  it("counts ten concurrent raises of one seq on one alert", async () => {
    const me = await tenant();
    const seq = unique("storm");
    const raised = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        raise({ accountId: me.accountId, name: "Storm", severity: "warning", seq, context: { i }, by: "engine" }),
      ),
    );
    expect(raised.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(raised.map((r) => r.alert.id)).size).toBe(1);
    const found = await call("/api/alert/find", { token: me.token, body: { seq } });
    expect(found.json.data).toHaveLength(1);
    expect(found.json.data[0].count).toBe(10);
  });
});
