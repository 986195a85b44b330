// npm run simulate -- --count N --product TOKEN [--url http://localhost:3000]
// N device agents registering exactly as the Ioto agent does (src/register.c): POST
// <builder>/device/register with `Authorization: bearer <product>` and its device configuration as
// the body; while the answer is {"registered": true} it polls again after a delay growing by 0.25 s
// (1.25 s, 1.5 s, … up to 3660 s). A claimed answer carries the cloud's api and a device token.
import { parseArgs } from "node:util";
import { newClaimId } from "../lib/ids";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1" },
    product: { type: "string" },
    url: { type: "string", default: process.env.APP_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}` },
    ids: { type: "string" },
  },
});
if (!values.product) {
  console.error("usage: npm run simulate -- --count N --product <product token> [--url <portal URL>] [--ids ID,ID]");
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

async function agent(id: string, index: number): Promise<void> {
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
  for (let delay = 1000, first = true; ; delay = Math.min(delay + STEP_MS, MAX_DELAY_MS), first = false) {
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
        if (first) return;
      } else {
        answer = JSON.parse(text) as Record<string, unknown>;
        // Listed once the cloud knows it: a claim typed from this list finds the device.
        if (!listed) console.log(`  ${label(id)}`);
        listed = true;
      }
    } catch (error) {
      console.error(`[${label(id)}] cannot reach ${builder}: ${(error as Error).message}`);
    }
    if (answer?.api && answer.token) {
      console.log(
        `[${label(id)}] claimed by account ${String(answer.accountId)}: cloud ${String(answer.api)} (${String(answer.cloudType)})`,
      );
      return;
    }
    await sleep(delay);
  }
}

console.log(`Simulating ${ids.length} device(s) against ${builder}. Claim them by typing these IDs as they register:`);
await Promise.all(ids.map((id, index) => agent(id, index)));
console.log("All simulated devices are claimed.");
