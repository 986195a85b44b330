import { expectAccessible } from "./a11y";
import { OWNER } from "./owner";
import { expect, ownerApi, signIn, test, unique } from "./fixtures";

test("public pages have no serious accessibility violations", async ({ page }) => {
  for (const [path, heading] of [
    ["/signin", "Sign in"],
    ["/signup", "Create an account"],
    ["/invite?token=unknown", "Accept your invite"],
  ] as const) {
    await page.goto(path);
    await expectAccessible(page, heading);
  }
});

test("every signed-in page has no serious accessibility violations", async ({ page, request }) => {
  // A dozen pages, each loaded and scanned: more than one default test's time.
  test.setTimeout(90_000);
  const owner = await ownerApi(request);
  const product = await (
    await request.post("/api/product/create", { data: { name: unique("a11y") }, headers: owner })
  ).json();
  const id = unique("A11Y")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  await request.post("/builder/device/register", {
    data: { id },
    headers: { Authorization: `bearer ${product.data.token}` },
  });
  expect((await request.post("/api/device/claim", { data: { id }, headers: owner })).status()).toBe(200);

  await signIn(page, OWNER);
  for (const [path, heading] of [
    ["/dashboards", "Fleet"],
    ["/devices", "Devices"],
    [`/devices/${id}`, id],
    ["/alerts", "Alerts"],
    ["/actions", "Actions"],
    ["/actions/new", "New action"],
    ["/maintenance", "Maintenance"],
    ["/products", "Products"],
    ["/users", "Users"],
    ["/tokens", "Tokens"],
    ["/audit", "Audit trail"],
    ["/api-docs", "API"],
  ] as const) {
    await page.goto(path);
    await expectAccessible(page, heading);
  }
});

test.describe("on a 390-px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("pages fit the screen and the sections sit behind a menu", async ({ page }) => {
    await signIn(page, OWNER);
    for (const path of [
      "/dashboards",
      "/devices",
      "/alerts",
      "/actions",
      "/actions/new",
      "/maintenance",
      "/products",
      "/users",
      "/tokens",
      "/audit",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await expect(page.getByRole("link", { name: "Tokens" })).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Tokens" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tokens" })).toBeVisible();
    await expectAccessible(page, "Tokens");
  });
});
