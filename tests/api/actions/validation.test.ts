import { describe, expect, it } from "vitest";
import { call, unique } from "../client";
import { claimedDevice, tenant } from "../fixtures";
import { snapshot } from "../samples";
import { createAction } from "./helpers";

// The checks the contract leaves to the server: what each trigger and step type needs, conditions
// in the safe grammar and cron schedules. Each refusal is a 400 naming its fields, and changes nothing.

const many = Array.from({ length: 21 }, (_, i) => `ops${i}@example.com`).join(", ");

const refused: Array<[string, Record<string, unknown>, string[], RegExp?]> = [
  ["a metric trigger without metric or condition", { trigger: "metric" }, ["expression", "metric"]],
  [
    "a condition that stops short",
    { trigger: "metric", metric: "temp", expression: "value >" },
    ["expression"],
    /at the end/,
  ],
  [
    "code as a condition",
    { trigger: "metric", metric: "temp", expression: "process.exit(1)" },
    ["expression"],
    /Unknown name "process" at 1/,
  ],
  ["a clear condition that does not read", { trigger: "manual", clear: "value < < 3" }, ["clear"]],
  ["a schedule trigger without a schedule", { trigger: "schedule" }, ["schedule"]],
  ["a cron line out of range", { trigger: "schedule", schedule: "61 * * * *" }, ["schedule"]],
  ["a cron line with seconds", { trigger: "schedule", schedule: "0 0 9 * * *" }, ["schedule"], /no seconds/],
  [
    "an unknown time zone",
    { trigger: "schedule", schedule: "0 9 * * *", timezone: "Mars/Olympus" },
    ["timezone"],
    /Unknown time zone/,
  ],
  ["an alert trigger without a severity", { trigger: "alert" }, ["minSeverity"]],
  ["a device trigger holding less than a minute", { trigger: "device", hold: 30 }, ["hold"]],
  [
    "a metric trigger reaching back more than two hours",
    { trigger: "metric", metric: "temp", expression: "value > 3", period: 3600, hold: 3660 },
    ["hold"],
    /at most 2 hours/,
  ],
  ["an http step without a URL", { type: "http" }, ["destination"]],
  ["an http step to another scheme", { type: "http", destination: "ftp://example.com/x" }, ["destination"]],
  ["an http step that is no URL", { type: "http", destination: "example.com/hook" }, ["destination"]],
  [
    "an http step with credentials in the URL",
    { type: "http", destination: "https://user:pass@example.com/hook" },
    ["destination"],
    /no user or password/,
  ],
  ["an email step without addresses", { type: "email" }, ["destination"]],
  ["an email step to a bad address", { type: "email", destination: "ops@example.com, nobody" }, ["destination"]],
  ["an email step to 21 addresses", { type: "email", destination: many }, ["destination"], /At most 20/],
  ["a resolve step that names no alert", { type: "resolve" }, ["args.seq"]],
  ["a device step without a command", { type: "device", args: { args: {} } }, ["args.command"]],
  ["a database step without key or value", { type: "database", args: {} }, ["args.key", "args.value"]],
  [
    "a metric step without a metric or a number",
    { type: "metric", args: { metric: "", value: "7" } },
    ["args.metric", "args.value"],
  ],
];

const accepted: Array<[string, Record<string, unknown>]> = [
  ["a metric trigger", { trigger: "metric", metric: "temp", expression: "avg > 30 and max >= 35", clear: "avg < 28" }],
  ["a schedule trigger", { trigger: "schedule", schedule: "@daily", timezone: "Europe/Paris" }],
  ["an alert trigger", { trigger: "alert", minSeverity: "error" }],
  ["a device trigger", { trigger: "device", hold: 300 }],
  ["an http trigger", { trigger: "http" }],
  ["an http step", { type: "http", destination: "https://example.com/hooks/fleetport?team=ops" }],
  ["an email step", { type: "email", destination: "ops@example.com; lead@example.com" }],
  ["a device step", { type: "device", args: { command: "reboot" } }],
  ["a database step", { type: "database", args: { key: "mode", value: "safe" } }],
  ["a metric step", { type: "metric", args: { metric: "alarms", value: 1 } }],
  ["a resolve step", { type: "resolve", args: { action: "Too hot" } }],
];

describe("action checks", () => {
  for (const [label, body, fields, message] of refused) {
    it(`refuses ${label} with 400 naming ${fields.join(", ")}, and changes nothing`, async () => {
      const me = await tenant();
      const before = await snapshot();
      const answer = await call("/api/action/create", {
        token: me.token,
        body: { name: unique("action"), trigger: "manual", type: "alert", ...body },
      });
      expect([answer.status, answer.json.type], answer.text).toEqual([400, "validation_error"]);
      expect(answer.json.fields.map((field: { name: string }) => field.name).sort()).toEqual(fields);
      if (message) expect(answer.json.message).toMatch(message);
      expect(await snapshot()).toBe(before);
    });
  }

  for (const [label, body] of accepted) {
    it(`accepts ${label}`, async () => {
      const created = await createAction(await tenant(), body);
      expect(created).toMatchObject(body);
    });
  }

  it("holds an update to the needs of the trigger and step it would leave the action with", async () => {
    const me = await tenant();
    const created = await createAction(me);
    const before = await snapshot();
    const update = (body: Record<string, unknown>) =>
      call("/api/action/update", { token: me.token, body: { id: created.id, ...body } });
    const metric = await update({ trigger: "metric", metric: "temp" });
    expect([metric.status, metric.json.fields]).toEqual([
      400,
      [{ name: "expression", message: "A metric trigger fires on a condition, e.g. value > 30" }],
    ]);
    const http = await update({ type: "http" });
    expect(http.json.fields.map((field: { name: string }) => field.name)).toEqual(["destination"]);
    expect(await snapshot()).toBe(before);
    expect((await update({ trigger: "metric", metric: "temp", expression: "value > 30" })).status).toBe(200);
    // The stored condition is judged again with the next change, which must keep it valid.
    expect((await update({ expression: "value >> 30" })).status).toBe(400);
  });

  it("answers 404 for a device that is not the account's, in a trigger or as a step's destination", async () => {
    const me = await tenant();
    const mine = await claimedDevice(me);
    const theirs = await claimedDevice(await tenant());
    const before = await snapshot();
    for (const body of [
      { trigger: "device", hold: 60, deviceId: theirs },
      { type: "device", destination: theirs, args: { command: "reboot" } },
      { type: "database", destination: "NOSUCHDEVICE", args: { key: "k", value: 1 } },
    ]) {
      const answer = await call("/api/action/create", {
        token: me.token,
        body: { name: unique("action"), trigger: "manual", type: "alert", ...body },
      });
      expect([answer.status, answer.json.message], JSON.stringify(body)).toEqual([404, "Cannot find device"]);
    }
    expect(await snapshot()).toBe(before);
    // As typed from a label: any case, with dashes; kept as the device's ID.
    const typed = `${mine.slice(0, 5).toLowerCase()}-${mine.slice(5)}`;
    expect((await createAction(me, { trigger: "device", hold: 60, deviceId: typed })).deviceId).toBe(mine);
  });
});
