import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { tenant, claimedDevice, type Session } from "../fixtures";
import { createAction, invoke } from "./helpers";
import { httpReceiver, type Receiver, type Script } from "./receivers";
import { deliveriesOf, rig, runRow, type Rig } from "./rig";

// Webhooks to a real local HTTP server: the body and its signature, checked here with our own
// HMAC as a receiver would; retries with backoff on a clock the test moves; giving up; timeouts;
// redirects; and two workers sending a row once.

let open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.map((thing) => thing.close()));
  open = [];
});

async function receiving(script?: Script): Promise<Receiver> {
  const receiver = await httpReceiver(script);
  open.push(receiver);
  return receiver;
}

function rigged(options?: Parameters<typeof rig>[0]): Rig {
  const made = rig(options);
  open.push({ close: () => made.stop() });
  return made;
}

/** An http action posting to `url`, invoked once and run: its run waits on its delivery. */
async function queuedWebhook(me: Session, url: string, r: Rig, context: Record<string, unknown> = {}) {
  const action = await createAction(me, {
    type: "http",
    destination: url,
    message: "Temperature ${value} on ${device}",
    severity: "critical",
  });
  const run = await invoke(me, action.name, context);
  await r.execute();
  expect((await runRow(run.id)).outcome).toBe("delivering");
  return { action, run };
}

describe("webhook delivery", () => {
  it("posts the run as JSON, signed with the action's secret, and records the run succeeded", async () => {
    const me = await tenant();
    const device = await claimedDevice(me);
    const receiver = await receiving();
    const r = rigged();
    const { action, run } = await queuedWebhook(me, receiver.url, r, { value: 31.5, deviceId: device });
    const [queued] = await deliveriesOf(run.id);
    await r.deliverer.look();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/hooks/fleetport");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-fleetport-delivery"]).toBe(String(queued!.id));
    // The receiver's check: HMAC-SHA256 of "<timestamp>.<body>" with the secret shown at create.
    const timestamp = request!.headers["x-fleetport-timestamp"] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac("sha256", action.secret).update(`${timestamp}.${request!.body}`).digest("hex");
    expect(request!.headers["x-fleetport-signature"]).toBe(`sha256=${expected}`);
    expect(JSON.parse(request!.body)).toEqual({
      action: { id: action.id, name: action.name },
      run: { id: run.id, trigger: "manual" },
      device,
      context: { value: 31.5, deviceId: device },
      message: `Temperature 31.5 on ${device}`,
      severity: "critical",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const settled = await runRow(run.id);
    expect(settled).toMatchObject({ outcome: "succeeded", error: "" });
    expect(settled.duration).toBe(settled.finished!.getTime() - settled.started!.getTime());
    expect(await deliveriesOf(run.id)).toEqual([]);
    // Nothing is sent twice.
    await r.deliverer.look();
    expect(receiver.received).toHaveLength(1);
  });

  it("tries again after 1 s, then 2 s, and succeeds on the third attempt", async () => {
    const me = await tenant();
    const receiver = await receiving((n) => (n <= 2 ? 503 : 200));
    const r = rigged();
    const { run } = await queuedWebhook(me, receiver.url, r);
    await r.deliverer.look();
    expect(await deliveriesOf(run.id)).toEqual([expect.objectContaining({ attempts: 1, lastError: "HTTP 503" })]);
    // Not due before its backoff has passed.
    r.advance(999);
    await r.deliverer.look();
    expect(receiver.received).toHaveLength(1);
    r.advance(1);
    await r.deliverer.look();
    expect(receiver.received).toHaveLength(2);
    r.advance(1999);
    await r.deliverer.look();
    expect(receiver.received).toHaveLength(2);
    r.advance(1);
    await r.deliverer.look();
    expect(receiver.received).toHaveLength(3);
    expect(await runRow(run.id)).toMatchObject({ outcome: "succeeded", error: "" });
    // Each attempt is signed anew with its own time, over the same body.
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
  });

  it("gives up after its attempts and fails the run with the last error", async () => {
    const me = await tenant();
    const receiver = await receiving(() => 503);
    const r = rigged();
    const { run } = await queuedWebhook(me, receiver.url, r);
    for (let attempt = 1; attempt <= 8; attempt++) {
      await r.deliverer.look();
      expect(receiver.received).toHaveLength(attempt);
      // The backoff doubles from 1 s and stops growing at 5 minutes.
      r.advance(5 * 60_000);
    }
    expect(await runRow(run.id)).toMatchObject({ outcome: "failed", error: "HTTP 503 after 8 attempts" });
    expect(await deliveriesOf(run.id)).toEqual([]);
    await r.deliverer.look();
    expect(receiver.received).toHaveLength(8);
  });

  it("waits no longer than its timeout for an answer", async () => {
    const me = await tenant();
    const receiver = await receiving(() => "hang");
    const r = rigged({ timeoutMs: 200, maxAttempts: 1 });
    const { run } = await queuedWebhook(me, receiver.url, r);
    await r.deliverer.look();
    expect(await runRow(run.id)).toMatchObject({ outcome: "failed", error: "No answer within 0.2 s after 1 attempt" });
  });

  it("follows no redirect, and says why the attempt failed", async () => {
    const me = await tenant();
    const elsewhere = await receiving();
    const receiver = await receiving(() => ({ status: 307, headers: { Location: elsewhere.url } }));
    const r = rigged({ maxAttempts: 1 });
    const { run } = await queuedWebhook(me, receiver.url, r);
    await r.deliverer.look();
    expect(elsewhere.received).toEqual([]);
    expect((await runRow(run.id)).error).toBe("HTTP 307 (redirects are not followed) after 1 attempt");
  });

  it("reports a receiver it cannot reach", async () => {
    const me = await tenant();
    const gone = await httpReceiver();
    await gone.close();
    const r = rigged({ maxAttempts: 1 });
    const { run } = await queuedWebhook(me, gone.url, r);
    await r.deliverer.look();
    expect((await runRow(run.id)).error).toBe("Cannot reach the receiver (ECONNREFUSED) after 1 attempt");
  });

  it("sends a row once when two workers look at the same time", async () => {
    const me = await tenant();
    const receiver = await receiving();
    const r = rigged();
    const second = r.another();
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push((await queuedWebhook(me, receiver.url, r)).run);
    await Promise.all([r.deliverer.look(), second.look(), r.deliverer.look(), second.look()]);
    expect(receiver.received).toHaveLength(5);
    expect(new Set(receiver.received.map((request) => request.headers["x-fleetport-delivery"])).size).toBe(5);
    for (const run of runs) expect((await runRow(run.id)).outcome).toBe("succeeded");
  });
});
