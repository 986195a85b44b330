import { describe, expect, it } from "vitest";
import { draftOf, newDraft, settingsOf, type ActionDraft } from "../../components/actions/action-draft";
import { builtConditionOf, conditionTexts } from "../../components/actions/condition-builder";
import { durationWords, stepWords, triggerWords } from "../../components/actions/trigger-summary";
import { firingSeries } from "../../components/actions/action-preview";
import { withNewestRun } from "../../components/actions/action-runs";
import { secretUse } from "../../components/actions/new-action-page";
import type { ActionView, RunView } from "../../lib/contracts/action";

/** A stored action as action/get answers it, with the contract's defaults. */
function stored(patch: Partial<ActionView>): ActionView {
  const draft = settingsOf({
    ...newDraft(),
    name: "x",
    metric: "temperature",
    built: { op: ">", threshold: "30", clearThreshold: "" },
  });
  return {
    id: "a1",
    name: "Hot device",
    ...draft.settings,
    timezone: "UTC",
    nextRun: null,
    lastRun: null,
    created: "2026-11-30T12:00:00.000Z",
    updated: "2026-11-30T12:00:00.000Z",
    ...patch,
  };
}

describe("an action in words", () => {
  it("says what fires a metric action: statistic, metric, period, comparison, hold and series", () => {
    expect(triggerWords(stored({ hold: 120 }))).toBe(
      "When the average temperature over 5 min is above 30 for 2 min (each device)",
    );
    expect(triggerWords(stored({ statistic: "max", period: 3600, hold: 0, dimensions: { Device: "A1B2C3" } }))).toBe(
      "When the maximum temperature over 1 h is above 30 (device A1B2C3)",
    );
    // A condition the builder cannot show is quoted as written.
    expect(triggerWords(stored({ expression: "value < 0 or value > 40", dimensions: {} }))).toBe(
      "When the average temperature over 5 min meets “value < 0 or value > 40” (the account-wide series)",
    );
    expect(triggerWords(stored({ expression: "30 < value" }))).toContain("is above 30");
  });

  it("says what fires every other trigger", () => {
    expect(triggerWords(stored({ trigger: "device", hold: 600 }))).toBe("When a device is offline for 10 min");
    expect(triggerWords(stored({ trigger: "device", hold: 90, deviceId: "D1" }))).toBe(
      "When device D1 is offline for 1 min",
    );
    expect(triggerWords(stored({ trigger: "schedule", schedule: "0 9 * * 1-5", timezone: "Europe/Paris" }))).toBe(
      "Weekdays at 09:00 (Europe/Paris)",
    );
    expect(triggerWords(stored({ trigger: "schedule", schedule: "15 3 * * *" }))).toBe(
      "On the schedule “15 3 * * *” (UTC)",
    );
    expect(triggerWords(stored({ trigger: "alert", minSeverity: "error" }))).toBe(
      "When an alert of severity error or worse is raised",
    );
    expect(triggerWords(stored({ trigger: "alert", minSeverity: "critical" }))).toBe(
      "When an alert of severity critical is raised",
    );
    expect(triggerWords(stored({ trigger: "alert", minSeverity: "" }))).toBe("When any alert is raised");
    expect(triggerWords(stored({ trigger: "manual" }))).toMatch(/^When run by hand/);
    expect(triggerWords(stored({ trigger: "http" }))).toBe("When its webhook is called");
  });

  it("says what each step does", () => {
    expect(stepWords(stored({ type: "alert", severity: "critical" }))).toBe("raise a critical alert");
    expect(stepWords(stored({ type: "alert", severity: "error" }))).toBe("raise an error alert");
    expect(stepWords(stored({ type: "resolve", args: { action: "Hot device" } }))).toBe(
      "resolve the alert of Hot device",
    );
    expect(stepWords(stored({ type: "resolve", args: { seq: "pump-${device}" } }))).toBe(
      "resolve the alert pump-${device}",
    );
    expect(stepWords(stored({ type: "http", destination: "https://example.com/hook" }))).toBe(
      "POST a webhook to https://example.com/hook",
    );
    expect(stepWords(stored({ type: "email", destination: "ops@example.com" }))).toBe("email ops@example.com");
    expect(stepWords(stored({ type: "device", args: { command: "reboot" } }))).toBe(
      "send the command reboot to the trigger's device",
    );
    expect(stepWords(stored({ type: "database", destination: "D1", args: { key: "fan" } }))).toBe(
      "set fan in the Store of D1",
    );
    expect(stepWords(stored({ type: "metric", args: { metric: "overheats" } }))).toBe("record the metric overheats");
  });

  it("writes durations as people say them", () => {
    expect([45, 60, 150, 3600, 5400, 86_400, 2 * 86_400 + 3600].map(durationWords)).toEqual([
      "45 s",
      "1 min",
      "2 min",
      "1 h",
      "1 h 30 min",
      "1 day",
      "2 days 1 h",
    ]);
  });
});

describe("the condition builder and the grammar's text", () => {
  it("writes the builder's comparison and clear threshold as grammar text", () => {
    expect(conditionTexts({ op: ">", threshold: "30", clearThreshold: "" })).toEqual({
      expression: "value > 30",
      clear: "",
    });
    expect(conditionTexts({ op: ">=", threshold: " 30.5 ", clearThreshold: "28" })).toEqual({
      expression: "value >= 30.5",
      clear: "value < 28",
    });
    expect(conditionTexts({ op: "<", threshold: "-10", clearThreshold: "-5" })).toEqual({
      expression: "value < -10",
      clear: "value > -5",
    });
    // Equality has no direction to clear in: a clear threshold means nothing there.
    expect(conditionTexts({ op: "==", threshold: "1", clearThreshold: "5" })).toEqual({
      expression: "value == 1",
      clear: "",
    });
    expect(conditionTexts({ op: ">", threshold: "hot", clearThreshold: "x" })).toEqual({
      expression: null,
      clear: null,
    });
  });

  it("reads stored text back into the builder, and leaves what it cannot show to the advanced field", () => {
    expect(builtConditionOf("value > 30", "value < 28")).toEqual({ op: ">", threshold: "30", clearThreshold: "28" });
    expect(builtConditionOf("  30 <   value", "")).toEqual({ op: ">", threshold: "30", clearThreshold: "" });
    expect(builtConditionOf("value <= -4", "value > 0")).toEqual({ op: "<=", threshold: "-4", clearThreshold: "0" });
    expect(builtConditionOf("value > 30 and value < 40", "")).toBeNull();
    expect(builtConditionOf("not (value > 30)", "")).toBeNull();
    // A clear in the same direction as the condition is no way back: kept as text.
    expect(builtConditionOf("value > 30", "value > 35")).toBeNull();
    expect(builtConditionOf("value >", "")).toBeNull();
  });

  it("turns text into the builder and back without changing it", () => {
    for (const [expression, clear] of [
      ["value > 30", ""],
      ["value >= 0.5", "value < 0.25"],
      ["value < -40", "value > -35"],
      ["value != 3", ""],
    ] as const) {
      const built = builtConditionOf(expression, clear)!;
      expect(conditionTexts(built)).toEqual({ expression, clear });
    }
  });
});

describe("the action form's draft and the settings it sends", () => {
  const hot: ActionDraft = {
    ...newDraft(),
    name: "Hot",
    metric: "temperature",
    built: { op: ">", threshold: "30", clearThreshold: "28" },
    holdMinutes: "2",
    severity: "critical",
  };

  it("sends minutes as seconds and the builder as grammar text", () => {
    const { settings, problems } = settingsOf(hot);
    expect(problems).toEqual({});
    expect(settings).toMatchObject({
      trigger: "metric",
      metric: "temperature",
      dimensions: { Device: "*" },
      statistic: "avg",
      period: 300,
      expression: "value > 30",
      clear: "value < 28",
      hold: 120,
      type: "alert",
      severity: "critical",
      deviceId: null,
      schedule: "",
    });
  });

  it("names each problem by the API's field, so it shows where the API's own would", () => {
    const { problems } = settingsOf({
      ...hot,
      metric: "",
      built: { op: ">", threshold: "thirty", clearThreshold: "" },
      holdMinutes: "-1",
      type: "device",
      commandArgs: "{oops",
    });
    expect(Object.keys(problems).sort()).toEqual(["args.args", "args.command", "expression", "hold", "metric"]);
    // The engine reads a metric condition's period aggregates as well as its value.
    expect(settingsOf({ ...hot, advanced: true, expression: "max > 40 and count >= 3", clear: "" }).problems).toEqual(
      {},
    );
    expect(settingsOf({ ...hot, trigger: "device", holdMinutes: "0.5" }).problems.hold).toBe(
      "At least 1 minute, e.g. 10",
    );
    const advanced = settingsOf({ ...hot, advanced: true, expression: "value >> 3", clear: "" }).problems;
    expect(advanced.expression).toBe("Expected a number or a name at 8");
  });

  it("opens a stored action with a condition the builder cannot show in the advanced field, unchanged", () => {
    const draft = draftOf(stored({ expression: "value > 30 and value < 90", clear: "value < 20", hold: 90 }));
    expect(draft).toMatchObject({ advanced: true, expression: "value > 30 and value < 90", holdMinutes: "1.5" });
    expect(settingsOf(draft).settings).toMatchObject({
      expression: "value > 30 and value < 90",
      clear: "value < 20",
      hold: 90,
    });
  });

  it("keeps the arguments of a step it has no fields for, and types the ones it has", () => {
    const alert = draftOf(stored({ type: "alert", args: { seq: "hot-${device}" } }));
    expect(settingsOf(alert).settings.args).toEqual({ seq: "hot-${device}" });
    const store = draftOf(stored({ type: "database", args: { key: "fan", value: 3, type: "number" } }));
    expect(store).toMatchObject({ storeKey: "fan", storeValue: "3", storeType: "number" });
    expect(settingsOf(store).settings.args).toEqual({ key: "fan", value: 3, type: "number" });
    const metric = settingsOf({ ...hot, type: "metric", metricName: "overheats", metricValue: "1" });
    expect(metric.settings.args).toEqual({ metric: "overheats", value: 1 });
    const resolve = draftOf(stored({ type: "resolve", args: { action: "Hot device" } }));
    expect(resolve).toMatchObject({ resolveAction: "Hot device", resolveSeq: "" });
    expect(settingsOf(resolve).settings.args).toEqual({ action: "Hot device" });
    expect(settingsOf({ ...resolve, resolveSeq: "pump" }).settings.args).toEqual({ seq: "pump" });
    expect(settingsOf({ ...resolve, resolveAction: "" }).problems["args.seq"]).toMatch(/Pick the action/);
  });
});

describe("an action page's last run", () => {
  const run = (outcome: RunView["outcome"]): RunView => ({
    id: "r1",
    actionId: "a1",
    trigger: "manual",
    deviceId: null,
    context: {},
    outcome,
    error: "",
    created: "2026-11-30T12:01:00.000Z",
    started: null,
    finished: null,
    duration: outcome === "queued" ? null : 9,
  });

  it("follows the newest run of the history: a run invoked as queued is shown succeeded once it did", () => {
    const invoked = stored({
      lastRun: { id: "r1", outcome: "queued", error: "", created: "2026-11-30T12:01:00.000Z" },
    });
    expect(withNewestRun(invoked, run("succeeded")).lastRun).toEqual({
      id: "r1",
      outcome: "succeeded",
      error: "",
      created: "2026-11-30T12:01:00.000Z",
    });
    expect(withNewestRun(stored({}), run("queued")).lastRun?.outcome).toBe("queued");
  });

  it("is the same action when the history says nothing new, so nothing on the page redraws", () => {
    const done = stored({
      lastRun: { id: "r1", outcome: "succeeded", error: "", created: "2026-11-30T12:01:00.000Z" },
    });
    expect(withNewestRun(done, run("succeeded"))).toBe(done);
  });
});

describe("a preview's firing", () => {
  it("names its series by its dimensions, not by the stored series key", () => {
    expect(firingSeries('Embedthis/Device|temperature|{"Device":"2KB9ZRXDS6"}')).toBe("Device=2KB9ZRXDS6");
    expect(firingSeries('Acme|flow|{"Device":"A1","Pump":"2"}')).toBe("Device=A1, Pump=2");
    expect(firingSeries("Embedthis/Device|temperature|{}")).toBe("the account-wide series");
    // Anything else is shown as it came.
    expect(firingSeries("not a key")).toBe("not a key");
  });
});

describe("the secret shown once after create", () => {
  it("says what this action does with it", () => {
    expect(secretUse({ trigger: "metric", type: "http" })).toMatch(/^The webhooks it sends are signed with it/);
    expect(secretUse({ trigger: "http", type: "alert" })).toMatch(/^Callers of its webhook URL sign/);
    expect(secretUse({ trigger: "http", type: "http" })).toMatch(/sends are signed.*callers of its webhook URL/);
    // "Temperature above 30 raises an alert" uses no webhook: nobody is sent to keep its secret somewhere.
    expect(secretUse({ trigger: "metric", type: "alert" })).toMatch(/^It sends and receives no webhook/);
  });
});
