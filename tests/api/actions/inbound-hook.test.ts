import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db/client";
import { hookRoute } from "../../../lib/http/hook-route";
import { call, ORIGIN } from "../client";
import { claimedDevice, tenant } from "../fixtures";
import { snapshot } from "../samples";
import { createAction } from "./helpers";
import { rig, runRow } from "./rig";

// The http trigger: POST /hooks/actions/<id>, signed like outbound webhooks with the action's
// secret. A good signature queues a run; anything else is refused and records nothing.

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The headers a sender computes, with its own HMAC. */
function signed(secret: string, body: string, timestamp = nowSeconds()): Record<string, string> {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return { "X-Fleetport-Timestamp": String(timestamp), "X-Fleetport-Signature": `sha256=${signature}` };
}

async function post(id: string, body: string, headers: Record<string, string>, method = "POST") {
  const request = new Request(`${ORIGIN}/hooks/actions/${id}`, {
    method,
    headers: { "x-forwarded-for": "127.0.0.1", accept: "application/json", ...headers },
    body: method === "GET" ? undefined : body,
  });
  const response = await hookRoute[method as "POST"](request, { params: Promise.resolve({ id }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

async function hookAction(body: Record<string, unknown> = {}) {
  const me = await tenant();
  return { me, action: await createAction(me, { trigger: "http", message: "From ${source}", ...body }) };
}

describe("inbound webhooks", () => {
  it("queues a run with the body as its context, answering 202 with the run's ID", async () => {
    const { me, action } = await hookAction();
    const device = await claimedDevice(me);
    const body = JSON.stringify({ source: "ci", deviceId: device, build: 42 });
    const answer = await post(action.id, body, signed(action.secret, body));
    expect(answer.status, answer.text).toBe(202);
    expect(answer.headers.get("x-request-id")).toMatch(/^[0-9A-Z]{26}$/);
    const run = await runRow(answer.json.id);
    expect(run).toMatchObject({ actionId: action.id, trigger: "http", outcome: "queued", deviceId: device });
    expect(JSON.parse(run.context)).toEqual({ source: "ci", deviceId: device, build: 42 });

    // The engine runs it like any other: the action's alert step raises its alert.
    const r = rig();
    await r.execute();
    await r.stop();
    expect((await runRow(run.id)).outcome).toBe("succeeded");
    const alerts = await call("/api/alert/find", { token: me.token });
    expect(alerts.json.data).toEqual([expect.objectContaining({ name: action.name, message: "From ci" })]);
  });

  it("runs a signed request once: a replay is refused with 409", async () => {
    const { action } = await hookAction();
    const body = JSON.stringify({ source: "ci" });
    const headers = signed(action.secret, body);
    expect((await post(action.id, body, headers)).status).toBe(202);
    const before = await snapshot();
    const replay = await post(action.id, body, headers);
    expect([replay.status, replay.json.type]).toEqual([409, "conflict"]);
    expect(await snapshot()).toBe(before);
  });

  it("answers the same 401 for a wrong signature, an unusable or unknown action, and records nothing", async () => {
    const { me, action } = await hookAction();
    const manual = await createAction(me, { trigger: "manual" });
    const disabled = await createAction(me, { trigger: "http", enable: false });
    const body = JSON.stringify({ source: "ci" });
    const earlier = nowSeconds() - 10;
    const cases: Array<[string, string, string, Record<string, string>]> = [
      ["another secret", action.id, body, signed(disabled.secret, body)],
      ["a changed body", action.id, JSON.stringify({ source: "cj" }), signed(action.secret, body)],
      [
        "a changed timestamp",
        action.id,
        body,
        { ...signed(action.secret, body, earlier), "X-Fleetport-Timestamp": String(earlier + 1) },
      ],
      ["another scheme", action.id, body, { ...signed(action.secret, body), "X-Fleetport-Signature": "md5=00" }],
      ["an action of another trigger", manual.id, body, signed(manual.secret, body)],
      ["a disabled action", disabled.id, body, signed(disabled.secret, body)],
      ["an unknown action", "01JUNKNOWNACTION00000000000", body, signed(action.secret, body)],
    ];
    const before = await snapshot();
    for (const [label, id, sent, headers] of cases) {
      const answer = await post(id, sent, headers);
      expect([answer.status, answer.json.type, answer.json.message], label).toEqual([
        401,
        "invalid_token",
        "Authentication failed",
      ]);
      expect(answer.json.request_id).toBe(answer.headers.get("x-request-id"));
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a timestamp more than 5 minutes away, and a request without the signature headers", async () => {
    const { action } = await hookAction();
    const body = JSON.stringify({ source: "ci" });
    const before = await snapshot();
    for (const skew of [-301, 301]) {
      const answer = await post(action.id, body, signed(action.secret, body, nowSeconds() + skew));
      expect([answer.status, answer.json.message], String(skew)).toEqual([
        401,
        "X-Fleetport-Timestamp is more than 5 minutes from the server's clock",
      ]);
    }
    const unsigned = await post(action.id, body, {});
    expect([unsigned.status, unsigned.json.type]).toEqual([401, "invalid_auth"]);
    expect(await snapshot()).toBe(before);
    // Within the window either way, it is taken.
    expect((await post(action.id, body, signed(action.secret, body, nowSeconds() - 290))).status).toBe(202);
  });

  it("takes only the current secret after a rotation", async () => {
    const { me, action } = await hookAction();
    const rotated = await call("/api/action/update", { token: me.token, body: { id: action.id, rotateSecret: true } });
    const body = JSON.stringify({ source: "ci" });
    expect((await post(action.id, body, signed(action.secret, body))).status).toBe(401);
    expect((await post(action.id, body, signed(rotated.json.data.secret, body))).status).toBe(202);
  });

  it("refuses a signed body that is not a JSON object with 400, an oversized one with 413, other methods with 405", async () => {
    const { action } = await hookAction();
    const before = await snapshot();
    for (const body of ["{not json", "[1, 2]"]) {
      const answer = await post(action.id, body, signed(action.secret, body));
      expect([answer.status, answer.json.type], body).toEqual([400, "bad_request"]);
    }
    const large = JSON.stringify({ pad: "x".repeat(70_000) });
    const tooLarge = await post(action.id, large, signed(action.secret, large));
    expect([tooLarge.status, tooLarge.json.type]).toEqual([413, "payload_too_large"]);
    const get = await post(action.id, "", {}, "GET");
    expect([get.status, get.json.type]).toEqual([405, "method_not_supported"]);
    expect(get.headers.get("x-request-id")).toMatch(/^[0-9A-Z]{26}$/);
    expect(await snapshot()).toBe(before);
    expect(await db().actionRun.count({ where: { actionId: action.id } })).toBe(0);
  });
});
