// npm run simulate -- --count N --product TOKEN [--url http://localhost:3000] [--interval 10] [--batch 1]
// N device agents registering exactly as the Ioto agent does (src/register.c): POST
// <builder>/device/register with `Authorization: bearer <product>` and its device configuration as
// the body; while the answer is {"registered": true} it polls again after a delay growing by 0.25 s
// (1.25 s, 1.5 s, … up to 3660 s). A claimed answer carries the cloud's api and a device token.
// Once claimed, every --interval seconds each device sends --batch readings of its temperature,
// cpu, memory and battery (lib/demo/signals.ts), taken evenly over that interval, to
// <api>/tok/metric/set with its device token. When the cloud answers one of the two bodies the
// agent recognises (the device was released, or its token revoked), it registers again.
import { parseArgs } from "node:util";
import { MAX_BATCH_POINTS } from "../lib/contracts/metric";
import { DEVICE_METRICS, devicePoints } from "../lib/demo/signals";
import { AUTHENTICATION_FAILED, DEVICE_NOT_FOUND } from "../lib/errors";
import { newClaimId } from "../lib/ids";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1" },
    product: { type: "string" },
    url: { type: "string", default: process.env.APP_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}` },
    ids: { type: "string" },
    interval: { type: "string", default: "10" },
    batch: { type: "string", default: "1" },
  },
});
const MAX_BATCH = Math.floor(MAX_BATCH_POINTS / DEVICE_METRICS.length);
const intervalMs = Number(values.interval) * 1000;
const batch = Number(values.batch);
if (!values.product || !(intervalMs >= 100) || !Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH) {
  console.error(
    "usage: npm run simulate -- --count N --product <product token> [--url <portal URL>] [--ids ID,ID]\n" +
      `         [--interval <seconds between requests, at least 0.1>] [--batch <readings per request, 1 to ${MAX_BATCH}>]`,
  );
  process.exit(2);
}
const product = values.product;
const builder = `${values.url.replace(/\/$/, "")}/builder`;
const count = Number(values.count);
const ids = values.ids ? values.ids.split(",") : Array.from({ length: count }, () => newClaimId());
const label = (id: string) => `${id.slice(0, 5)}-${id.slice(5)}`;
const STEP_MS = 250;
const MAX_DELAY_MS = 3_660_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Cloud {
  api: string;
  token: string;
}

/** Polls register until the device is claimed; undefined when the agent gives up at first boot. */
async function register(id: string, index: number, firstBoot: boolean): Promise<Cloud | undefined> {
  const config = {
    id,
    product,
    name: `Simulated device ${index + 1}`,
    description: "Fleetport simulator",
    model: "SIM-1",
    test: false,
    created: new Date().toISOString(),
  };
  let listed = false;
  for (let delay = 1000, first = firstBoot; ; delay = Math.min(delay + STEP_MS, MAX_DELAY_MS), first = false) {
    let answer: Record<string, unknown> | undefined;
    try {
      const response = await fetch(`${builder}/device/register`, {
        method: "POST",
        headers: { Authorization: `bearer ${product}`, "Content-Type": "application/json" },
        body: JSON.stringify(config),
      });
      const text = await response.text();
      if (response.status !== 200) {
        console.error(`[${label(id)}] register answered ${response.status}: ${text}`);
        // At first boot the real agent exits on anything but a 200 JSON answer.
        if (first) return undefined;
      } else {
        answer = JSON.parse(text) as Record<string, unknown>;
        // Listed once the cloud knows it: a claim typed from this list finds the device.
        if (!listed && firstBoot) console.log(`  ${label(id)}`);
        listed = true;
      }
    } catch (error) {
      console.error(`[${label(id)}] cannot reach ${builder}: ${(error as Error).message}`);
    }
    if (typeof answer?.api === "string" && typeof answer.token === "string") {
      console.log(
        `[${label(id)}] claimed by account ${String(answer.accountId)}: cloud ${answer.api} (${String(answer.cloudType)})`,
      );
      return { api: answer.api.replace(/\/$/, ""), token: answer.token };
    }
    await sleep(delay);
  }
}

/** `batch` readings of every metric, evenly spaced over the interval that ends now. */
function readings(id: string, now: number) {
  const points = [];
  for (let k = batch - 1; k >= 0; k--) {
    for (const point of devicePoints(id, Math.round(now - (k * intervalMs) / batch))) {
      points.push({ ...point, dimensions: [point.dimensions] });
    }
  }
  return points;
}

/** Sends readings every interval until the cloud no longer knows the device or its token. */
async function report(id: string, cloud: Cloud): Promise<string> {
  let lastProblem = "";
  let stored = false;
  for (let next = Date.now(); ; next += intervalMs) {
    await sleep(Math.max(0, next - Date.now()));
    let problem: string;
    try {
      const response = await fetch(`${cloud.api}/tok/metric/set`, {
        method: "POST",
        headers: { Authorization: `Bearer ${cloud.token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ points: readings(id, Date.now()) }),
      });
      const text = await response.text();
      if (response.status === 200) {
        if (!stored) console.log(`[${label(id)}] metrics stored: ${text}; sending every ${intervalMs / 1000} s`);
        stored = true;
        lastProblem = "";
        continue;
      }
      if (text === AUTHENTICATION_FAILED || text === DEVICE_NOT_FOUND) return text;
      problem = `metric/set answered ${response.status}: ${text}`;
    } catch (error) {
      problem = `cannot reach ${cloud.api}: ${(error as Error).message}`;
    }
    // A server down for a minute would otherwise print the same line every interval.
    if (problem !== lastProblem) console.error(`[${label(id)}] ${problem}`);
    lastProblem = problem;
  }
}

async function agent(id: string, index: number): Promise<void> {
  for (let firstBoot = true; ; firstBoot = false) {
    const cloud = await register(id, index, firstBoot);
    if (!cloud) return;
    const reason = await report(id, cloud);
    console.log(`[${label(id)}] the cloud answered "${reason}": registering again`);
  }
}

console.log(`Simulating ${ids.length} device(s) against ${builder}. Claim them by typing these IDs as they register:`);
await Promise.all(ids.map((id, index) => agent(id, index)));
