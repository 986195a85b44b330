import type { APIRequestContext } from "@playwright/test";
import { agents, claimAs, expectNoSidewaysScroll, newDevice } from "./devices";
import { expect, signUp, test } from "./fixtures";

// The device page comes alive (issue 11 §5): a claimed device that sends metrics with its device
// token shows each series' latest value with its age, live, and a chart per metric over a range
// the URL keeps, at a laptop's and a phone's width.

const MINUTE = 60_000;

/** Writes points as the device does: /tok/metric/set with its own device token. */
async function sendMetrics(request: APIRequestContext, deviceToken: string, points: object[]) {
  const answer = await request.post("/tok/metric/set", {
    data: { points },
    headers: { Authorization: `Bearer ${deviceToken}`, Accept: "application/json" },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test("a device's latest values age live and its metrics are charted over the range in the URL", async ({
      page,
      request,
    }) => {
      const { register } = await agents(request);
      const device = newDevice();
      await register(device.id);
      await signUp(page);
      await claimAs(page, request, device.id);
      const deviceToken = (await register(device.id)).token!;

      await page.goto(`/devices/${device.id}`);
      await expect(page.getByRole("heading", { name: "No metrics yet" })).toBeVisible();
      await expect(page.getByLabel("Send a reading by hand")).toContainText(
        `/tok/metric/set -H "Authorization: Bearer DEVICE-TOKEN"`,
      );
      await expect(page.getByLabel("Or let the simulator send them")).toContainText(
        `npm run simulate -- --product PRODUCT-TOKEN --ids ${device.id}`,
      );
      await expectNoSidewaysScroll(page);

      const Device = device.id;
      const now = Date.now();
      await sendMetrics(request, deviceToken, [
        ...[50, 30, 10].map((minutes) => ({
          metric: "temperature",
          value: 20 + minutes / 10,
          dimensions: [{ Device }],
          timestamp: now - minutes * MINUTE,
        })),
        { metric: "temperature", value: 21.5, dimensions: [{ Device }], timestamp: now - 20_000 },
        { metric: "battery", value: 90, dimensions: [{ Device }], timestamp: now - 35 * MINUTE },
        { metric: "battery", value: 87, dimensions: [{ Device }], timestamp: now - 5 * MINUTE },
      ]);

      // The page reads its latest values again on its own (every ~10 s): no reload.
      const latest =
        width >= 640
          ? page.getByRole("table", { name: "Latest values" })
          : page.getByRole("list", { name: "Latest values" });
      const reading = (metric: string) =>
        width >= 640
          ? latest.getByRole("row").filter({ hasText: metric })
          : latest.getByRole("listitem").filter({ hasText: metric });
      await expect(reading("temperature")).toContainText("21.5", { timeout: 15_000 });
      await expect(reading("battery")).toContainText("87");
      await expect(reading("battery")).toContainText("5 min ago");
      await expect(page.getByRole("heading", { name: "No metrics yet" })).toBeHidden();

      // The age moves on by itself, second by second: twice in a row within two seconds each time
      // (a clock ticking every 15 s, as other times on the page do, can't).
      const age = reading("temperature").locator("time");
      let shown = await age.textContent();
      expect(shown).toMatch(/^\d+ s ago$/);
      for (const step of [1, 2]) {
        await expect(age, `tick ${step}`).not.toHaveText(shown!, { timeout: 2_000 });
        shown = await age.textContent();
      }

      // Last seen and the connection stay on the page: sending metrics counts as contact.
      await expect(page.getByText("Last seen", { exact: true })).toBeVisible();
      await expect(page.getByText("offline", { exact: true })).toBeVisible();

      const charts = page.getByRole("region", { name: "Charts" });
      await expect(charts.getByRole("link", { name: "24 h" })).toHaveAttribute("aria-current", "true");
      await charts.getByRole("link", { name: "1 h" }).click();
      await expect(page).toHaveURL(/[?&]range=1h$/);
      await expect(charts.getByRole("link", { name: "1 h" })).toHaveAttribute("aria-current", "true");
      for (const metric of ["temperature", "battery"]) {
        const chart = charts.getByRole("figure", { name: new RegExp(`^${metric}: ${metric} Device=${device.id}$`) });
        await expect(chart.locator(".recharts-line-curve")).toBeVisible();
        await expect(chart.getByText("No data in this range")).toBeHidden();
      }

      // A link keeps the range.
      await page.reload();
      await expect(page.getByRole("region", { name: "Charts" }).getByRole("link", { name: "1 h" })).toHaveAttribute(
        "aria-current",
        "true",
      );
      await expectNoSidewaysScroll(page);
    });
  });
}
