import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { seedDemo } from "../../scripts/demo/seed";
import { call } from "./client";

interface DemoFile {
  email: string;
  password: string;
  productToken: string;
  claimIds: string[];
  seededUntil: number;
}
const demoFile = () => JSON.parse(readFileSync(path.join(env().dataDir, "demo.json"), "utf8")) as DemoFile;

/** Points stored for each demo device's temperature over the last eight days, by the server's own counts. */
async function temperatureCounts(token: string, ids: string[]): Promise<number[]> {
  const items = ids.map((id) => ({ metric: "temperature", dimensions: { Device: id }, range: 8 * 86_400 }));
  const answer = await call("/api/metric/fetch", { token, body: { items } });
  expect(answer.status, answer.text).toBe(200);
  return (answer.json.data as Array<{ summary: { count: number } }>).map((series) => series.summary.count);
}

// `npm run demo` on a fresh database: what it prints is all a new user needs for the next step,
// and the fleet it makes already has a week of metrics to chart.
describe("npm run demo", () => {
  it("prints the fleet, the product token and the simulate command, then the same again", async () => {
    const printed: string[] = [];
    await seedDemo((line) => printed.push(line));
    const demo = demoFile();
    const output = printed.join("\n");
    expect(demo.claimIds).toHaveLength(8);
    for (const id of demo.claimIds) expect(output).toContain(`${id.slice(0, 5)}-${id.slice(5)}`.toLowerCase());
    expect(demo.productToken).toMatch(/^fpp_/);
    expect(output).toContain(`Product token (Demo Thermostat): ${demo.productToken}`);
    expect(printed).toContain(
      `  npm run simulate -- --product ${demo.productToken} --ids ${demo.claimIds.join(",")} --url ${env().appOrigin}`,
    );

    const again: string[] = [];
    await seedDemo((line) => again.push(line));
    expect(again).toEqual(printed);
  });

  it("claims its devices and stores a week of their metrics once, however often it runs", async () => {
    await seedDemo(() => {});
    const demo = demoFile();
    const login = await call("/api/auth", { body: { email: demo.email, password: demo.password } });
    const token = login.json.data.token as string;
    const devices = await call("/api/device/find", { token, body: {} });
    expect(devices.json.data.map((device: { id: string }) => device.id).sort()).toEqual([...demo.claimIds].sort());

    const week = 7 * 24 * 12; // one reading every five minutes
    const first = await temperatureCounts(token, demo.claimIds);
    for (const count of first) expect(count).toBeGreaterThanOrEqual(week);
    expect(first.every((count) => count === first[0])).toBe(true);

    const firstUntil = demo.seededUntil;
    await seedDemo(() => {});
    // Only the five-minute instants that passed since the first run are added.
    const added = (demoFile().seededUntil - firstUntil) / 300_000;
    expect(added).toBeLessThanOrEqual(1);
    expect(await temperatureCounts(token, demo.claimIds)).toEqual(first.map((count) => count + added));

    const list = await call("/api/metric/getMetricList", { token, body: { namespace: "Embedthis/Device" } });
    expect([...list.json.data.metrics].sort()).toEqual(["battery", "cpu", "memory", "temperature"]);
  });

  it.runIf(env().engine === "postgres")(
    "puts its history in day partitions, which retention can drop whole",
    async () => {
      await seedDemo(() => {});
      const [row] = await db().$queryRawUnsafe<Array<{ count: bigint }>>(`SELECT count(*) FROM "MetricPoint_default"`);
      expect(Number(row!.count)).toBe(0);
    },
  );
});
