// npm run simulate -- --count N --product TOKEN [--url http://localhost:3000] [--interval 10] [--ids ID,ID]
//                     [--store-every 6] [--http [--batch 1]] [--temperature 35] [--backfill 180]
// N device agents doing what the Ioto agent does, over the real protocol (scripts/simulator/):
// register and wait for a claim; provision a certificate; connect to the broker over mutual TLS;
// sync their database up and down; then every --interval seconds send their temperature, cpu,
// memory and battery (lib/demo/signals.ts) as metric/set messages, and every --store-every
// intervals their uptime and charging state as store/set; obey the commands the cloud syncs down;
// and register again when released. --http sends the metrics to /tok/metric/set instead, --batch
// readings a request, for a cloud without a broker. --temperature makes every temperature reading
// that value (a device running hot, to watch an action fire); --backfill first sends the readings
// of that many past seconds, each at its own time, as an agent that had been buffering does.
import { parseArgs } from "node:util";
import { MAX_BATCH_POINTS } from "../lib/contracts/metric";
import { DEVICE_METRICS } from "../lib/demo/signals";
import { newClaimId } from "../lib/ids";
import { SimulatedDevice } from "./simulator/device";
import { label } from "./simulator/say";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1" },
    product: { type: "string" },
    url: { type: "string", default: process.env.APP_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}` },
    ids: { type: "string" },
    interval: { type: "string", default: "10" },
    "store-every": { type: "string", default: "6" },
    http: { type: "boolean", default: false },
    batch: { type: "string", default: "1" },
    temperature: { type: "string" },
    backfill: { type: "string", default: "0" },
  },
});
const MAX_BATCH = Math.floor(MAX_BATCH_POINTS / DEVICE_METRICS.length);
const intervalMs = Number(values.interval) * 1000;
const storeEvery = Number(values["store-every"]);
const batch = Number(values.batch);
const temperature = values.temperature === undefined ? undefined : Number(values.temperature);
const backfillSeconds = Number(values.backfill);
if (
  !values.product ||
  !(intervalMs >= 100) ||
  !Number.isInteger(storeEvery) ||
  storeEvery < 1 ||
  !Number.isInteger(batch) ||
  batch < 1 ||
  batch > MAX_BATCH ||
  (temperature !== undefined && !Number.isFinite(temperature)) ||
  !(backfillSeconds >= 0 && backfillSeconds <= 86_400)
) {
  console.error(
    "usage: npm run simulate -- --count N --product <product token> [--url <portal URL>] [--ids ID,ID]\n" +
      "         [--interval <seconds between rounds of metrics, at least 0.1>] [--store-every <rounds between store values>]\n" +
      `         [--http [--batch <readings per request, 1 to ${MAX_BATCH}>]]\n` +
      "         [--temperature <°C every temperature reading is>] [--backfill <seconds of past readings sent first, up to 86400>]",
  );
  process.exit(2);
}
const builder = `${values.url.replace(/\/$/, "")}/builder`;
const ids = values.ids ? values.ids.split(",") : Array.from({ length: Number(values.count) }, () => newClaimId());

console.log(`Simulating ${ids.length} device(s) against ${builder}. Claim them by typing these IDs as they register:`);
const devices = ids.map(
  (id, index) =>
    new SimulatedDevice(id, index, {
      builder,
      product: values.product!,
      intervalMs,
      storeEvery,
      temperature,
      backfillMs: backfillSeconds * 1000,
      http: values.http ? { batch } : undefined,
      fetch,
      // Listed once the cloud knows it: a claim typed from this list finds the device.
      listed: (listedId) => console.log(`  ${label(listedId)}`),
    }),
);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void Promise.all(devices.map((device) => device.stop())).then(() => process.exit(0)));
await Promise.all(devices.map((device) => device.run()));
