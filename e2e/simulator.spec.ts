import { expect, test } from "@playwright/test";
import { ORIGIN, OWNER } from "./owner";
import { startSimulator } from "./simulate";

// `npm run simulate` as a person runs it: its agents register over HTTP, a person claims one by
// typing its label ID in lower case with dashes, the agent reports the cloud it was handed and
// sends its metrics there with its device token.
test("a simulated agent is claimed by its typed label ID and sends metrics to its cloud", async ({ request }) => {
  const json = { Accept: "application/json", Origin: ORIGIN };
  const login = await (await request.post("/api/auth", { data: OWNER, headers: json })).json();
  const auth = { ...json, Authorization: `Bearer ${login.data.token}` };
  const product = await (
    await request.post("/api/product/create", { data: { name: `sim-${Date.now()}` }, headers: auth })
  ).json();

  const simulator = startSimulator(product.data.token);
  try {
    const typed = (await simulator.label()).toLowerCase();
    const claimed = await request.post("/api/device/claim", { data: { id: typed }, headers: auth });
    expect(claimed.status(), await claimed.text()).toBe(200);
    await expect.poll(simulator.output, { timeout: 15_000 }).toContain(`cloud ${ORIGIN} (hosted)`);
    await expect.poll(simulator.output, { timeout: 15_000 }).toContain("metrics stored");
    const list = await request.post("/api/metric/getMetricList", {
      data: { namespace: "Embedthis/Device" },
      headers: auth,
    });
    expect(await list.json()).toMatchObject({
      data: {
        metrics: expect.arrayContaining(["temperature", "cpu", "memory", "battery"]),
        dimensions: expect.arrayContaining([{ Device: typed.replace("-", "").toUpperCase() }]),
      },
    });
  } finally {
    simulator.kill();
  }
});
