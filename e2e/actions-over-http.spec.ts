import { expect, test } from "@playwright/test";
import { agents, newDevice } from "./devices";
import { ownerApi, unique } from "./fixtures";

// The production server runs its route handlers from the Next.js build and its worker from the
// source: a point stored through /tok/metric/set must fire an action all the same. (The engine
// also finds a new action's existing series when it loads it, so this walk passes through either
// path; tests/unit/stored-points.test.ts holds the announcement's own.)

test("a point stored over HTTP fires a metric action within seconds", async ({ request }) => {
  const owner = await ownerApi(request);
  const { register } = await agents(request);
  const device = newDevice();
  await register(device.id);
  expect((await request.post("/api/device/claim", { data: { id: device.id }, headers: owner })).status()).toBe(200);
  const { token } = await register(device.id);
  const name = unique("too hot over http");
  const created = await request.post("/api/action/create", {
    headers: owner,
    data: {
      name,
      trigger: "metric",
      metric: "temperature",
      dimensions: { Device: device.id },
      statistic: "current",
      expression: "value > 30",
      type: "alert",
      severity: "critical",
    },
  });
  expect(created.status()).toBe(200);
  const stored = await request.post("/tok/metric/set", {
    headers: { Authorization: `Bearer ${token}` },
    data: { metric: "temperature", value: 41 },
  });
  expect(stored.status()).toBe(200);
  await expect
    .poll(async () => {
      const found = await request.post("/api/alert/find", { headers: owner, data: { deviceId: device.id } });
      return ((await found.json()).data as Array<{ name: string; severity: string }>).map((a) => [a.name, a.severity]);
    })
    .toEqual([[name, "critical"]]);
});
