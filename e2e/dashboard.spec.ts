import { readFile } from "node:fs/promises";
import { ORIGIN } from "./owner";
import { expect, sessionToken, signUp, test, unique } from "./fixtures";

// A new admin's first look at the Fleet dashboard: a device's temperature over the last day, the
// range narrowed to the last hour (the legend's statistics, from the server, change with it), a
// widget added in edit mode and saved, and its points downloaded as CSV.

const MINUTE = 60_000;

test("opens the Fleet dashboard, switches the range, adds a widget and exports its CSV", async ({ page, request }) => {
  await signUp(page);
  const token = await sessionToken(page);
  const device = unique("E2E")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  // Earlier in the day 10–19 °C; in the last hour 30–33 °C, every ten minutes.
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  const earlier = Array.from({ length: 10 }, (_, i) => ({ timestamp: now - (20 - i) * 60 * MINUTE, value: 10 + i }));
  const recent = [30, 31, 32, 33].map((value, i) => ({ timestamp: now - (40 - i * 10) * MINUTE, value }));
  const stored = await request.post("/api/metric/set", {
    data: {
      points: [...earlier, ...recent].map((point) => ({
        metric: "temperature",
        dimensions: [{ Device: device }],
        ...point,
      })),
    },
    headers: { Authorization: token, Origin: ORIGIN, Accept: "application/json" },
  });
  expect(stored.status()).toBe(200);

  await page.getByRole("link", { name: "Dashboards" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fleet" })).toBeVisible();
  // The Fleet dashboard's widgets follow the device picked; a link names it as the picker does.
  await page.goto(`/dashboards?device=${device}`);
  await expect(page.getByLabel("Device", { exact: true })).toHaveValue(device);

  const graph = page.getByRole("figure", { name: `Temperature: temperature Device=${device}`, exact: true });
  const legendRow = graph.getByRole("row").filter({ hasText: `temperature Device=${device}` });
  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Last 24 hours" });
  // Min, max, mean, last over the whole day, as the server summed them up.
  await expect(legendRow).toContainText("10 °C");
  await expect(legendRow).toContainText("33 °C");

  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Last 1 hour" });
  await expect(page).toHaveURL(/range=1h/);
  await expect(legendRow.getByRole("cell").nth(1)).toHaveText("30 °C");
  await expect(legendRow).not.toContainText("10 °C");

  // Dragging across a graph zooms the whole dashboard (from/to in the URL) and pauses auto-refresh.
  const plot = (await graph.locator(".recharts-surface").boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height / 2);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height / 2, { steps: 5 });
  await page.mouse.move(plot.x + plot.width * 0.7, plot.y + plot.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=.*&to=/);
  await page.getByRole("button", { name: "resume" }).click();
  await expect(page).toHaveURL(/range=1h/);
  await expect(page.getByRole("button", { name: "resume" })).toBeHidden();

  await page.getByRole("button", { name: "Edit dashboard" }).click();
  await page.getByRole("button", { name: "Add widget" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a widget" });
  await dialog.getByLabel("Title").fill("Peak temperature");
  // Metrics with data are suggested (metric/getMetricList), and so are their devices' series.
  await expect(dialog.getByText("Metrics with data are suggested")).toBeVisible();
  await dialog.getByLabel("Metric").fill("temperature");
  await expect(dialog.getByRole("checkbox", { name: `Device=${device}` })).toBeVisible();
  await dialog.getByLabel("Statistic").selectOption("max");
  await dialog.getByLabel("Units").fill("°C");
  await dialog.getByRole("button", { name: "Add widget" }).click();
  await expect(dialog).toBeHidden();
  // Without a mouse: the focused widget moves with the arrow keys and resizes with Shift.
  const added = page.getByRole("region", { name: "Peak temperature" });
  await added.focus();
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await added.getByRole("button", { name: "Shorter: Peak temperature" }).click();
  await page.getByRole("button", { name: "Save dashboard" }).click();
  await expect(page.getByRole("button", { name: "Edit dashboard" })).toBeVisible();

  const saved = await request.post("/api/dashboard/find", {
    data: {},
    headers: { Authorization: token, Origin: ORIGIN, Accept: "application/json" },
  });
  const widgets = (await saved.json()).data[0].widgets as Array<Record<string, unknown>>;
  expect(widgets.find((w) => w.title === "Peak temperature")).toMatchObject({ left: 1, width: 11, height: 4 });

  await page.reload();
  const peak = page.getByRole("region", { name: "Peak temperature" });
  await expect(peak.getByRole("row").filter({ hasText: `temperature Device=${device}` })).toContainText("33 °C");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    peak.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const csv = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(csv[0]).toBe(`timestamp,temperature max (°C) Device=${device}`);
  expect(csv.slice(1)).toEqual(recent.map(({ timestamp, value }) => `${new Date(timestamp).toISOString()},${value}`));
});
