import { ORIGIN } from "./owner";
import { expect, sessionToken, signUp, test } from "./fixtures";

// A custom range is typed in the dashboard's time zone, not the browser's: a viewer in New York
// looking at a dashboard kept in UTC types 09:00 and means 09:00 UTC.

test.use({ timezoneId: "America/New_York" });

test("custom From and To are read in the dashboard's time zone", async ({ page, request }) => {
  await signUp(page);
  const headers = { Authorization: await sessionToken(page), Origin: ORIGIN, Accept: "application/json" };
  const found = await (await request.post("/api/dashboard/find", { data: {}, headers })).json();
  const fleet = found.data[0];
  const updated = await request.post("/api/dashboard/update", {
    data: { id: fleet.id, range: { ...fleet.range, timezone: "UTC" } },
    headers,
  });
  expect(updated.status()).toBe(200);

  await page.goto("/dashboards");
  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Custom…" });
  await expect(page.getByText("In UTC")).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill("2026-11-29T09:00");
  await page.getByLabel("To", { exact: true }).fill("2026-11-29T10:30");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2026-11-29T09%3A00%3A00.000Z&to=2026-11-29T10%3A30%3A00.000Z/);
});
