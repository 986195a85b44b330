import type { Page, TestInfo } from "@playwright/test";
import { serverClock } from "./clock";
import { ORIGIN, OWNER } from "./owner";
import { agents, claimAs, expectNoSidewaysScroll, newDevice } from "./devices";
import { expect, ownerApi, sessionToken, signIn, signUp, test, unique } from "./fixtures";

// What a new user tripped over in the portal (issue 10 §5), walked at a laptop's and a phone's
// width: each flaw is gone at both.

const shoot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test("last seen follows the device's calls, and a device that only calls over HTTP is offline", async ({
      page,
      request,
    }, testInfo) => {
      const { register } = await agents(request);
      const device = newDevice();
      await register(device.id);
      await signUp(page);
      try {
        const claimedAt = await serverClock.stop();
        await claimAs(page, request, device.id);
        // 40 s after the claim the agent asks again and gets its device token: that is a contact.
        const polledAt = await serverClock.advance(40_000);
        expect((await register(device.id)).token).toMatch(/^fpd_/);
        // The browser reads the server's time, 5 s after the poll.
        await page.clock.setFixedTime(polledAt + 5_000);
        await page.reload();

        const row = page.getByRole("row").filter({ hasText: device.id });
        const lastSeen = row.locator("time");
        await expect(lastSeen).toHaveText("just now");
        await expect(lastSeen).toHaveAttribute("datetime", new Date(polledAt).toISOString());
        // The exact time is there on hover.
        await expect(lastSeen).toHaveAttribute("title", /\d{1,2}:\d{2}:\d{2}/);
        // It calls over HTTP only: no MQTT connection, so offline, however recently it was seen.
        if (width >= 640) await expect(row).toContainText("offline");
        await shoot(page, testInfo, "devices");

        await row.getByRole("link", { name: device.id }).click();
        const fields = page.locator("dl");
        await expect(fields.locator("dt", { hasText: "Last seen" }).locator("+ dd")).toHaveText("just now");
        await expect(fields.locator("dt", { hasText: "Claimed" }).locator("+ dd")).toHaveText("45 s ago");
        await expect(fields.locator("dt", { hasText: "Claimed" }).locator("+ dd time")).toHaveAttribute(
          "datetime",
          new Date(claimedAt).toISOString(),
        );
        await expect(fields.locator("dt", { hasText: "Connection" }).locator("+ dd")).toContainText("offline");
        await expectNoSidewaysScroll(page);
        await shoot(page, testInfo, "device");
      } finally {
        await serverClock.resume();
      }
    });

    test("search takes the ID as printed on the label, and the list shows the fleet's total", async ({
      page,
      request,
    }, testInfo) => {
      const { register } = await agents(request);
      const devices = [newDevice(), newDevice(), newDevice()];
      await signUp(page);
      for (const device of devices) {
        await register(device.id);
        await claimAs(page, request, device.id);
      }
      await page.reload();
      await expect(page.getByText("Your fleet: 3 devices claimed into this account.")).toBeVisible();

      const wanted = devices[1]!;
      await page.getByLabel("Search").fill(wanted.label);
      await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText("1 device matches.");
      await expect(page.getByRole("row").filter({ hasText: wanted.id })).toBeVisible();
      await expect(page.getByRole("row").filter({ hasText: devices[0]!.id })).toHaveCount(0);
      await expect(page.getByText("Your fleet: 3 devices claimed into this account.")).toBeVisible();
      await expectNoSidewaysScroll(page);
      await shoot(page, testInfo, "search");
    });

    test("forms refuse incomplete input before sending, on the fields", async ({ page, browser }, testInfo) => {
      const sent: string[] = [];
      const watch = (watched: Page) =>
        watched.on("request", (request) => {
          if (request.method() === "POST") sent.push(new URL(request.url()).pathname);
        });

      const visitor = await browser.newPage({ viewport: { width, height } });
      watch(visitor);
      await visitor.goto("/signup");
      await visitor.getByLabel("Email").fill(`${unique("empty-name")}@e2e.fleetport.test`);
      await visitor.getByLabel("Password").fill("correct horse battery");
      await visitor.getByRole("button", { name: "Create account" }).click();
      await expect(visitor.getByLabel("Account name")).toHaveAccessibleDescription("Required");
      await expect(visitor.getByText(/Request ID/)).toHaveCount(0);
      await shoot(visitor, testInfo, "signup-form");
      await visitor.close();

      await signUp(page);
      watch(page);
      await page.goto("/tokens");
      await page.getByRole("button", { name: "Create token" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Create", exact: true }).click();
      await expect(dialog.getByLabel("Name")).toHaveAccessibleDescription(/Required/);
      await expect(dialog.getByRole("alert")).toHaveCount(0);
      await shoot(page, testInfo, "token-form");
      expect(sent.filter((path) => path === "/api/account/create" || path === "/api/token/create")).toEqual([]);
    });

    test.describe("the audit trail", () => {
      test("shows each entry whole", async ({ page, request }, testInfo) => {
        const { register } = await agents(request);
        const device = newDevice();
        await register(device.id);
        const account = await signUp(page);
        await claimAs(page, request, device.id);
        await page.goto("/audit");
        await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
        const claim = page
          .locator(width >= 1024 ? "tr" : "li")
          .filter({ hasText: "device.claim" })
          .filter({ visible: true });
        await expect(claim).toHaveCount(1);
        for (const text of [account.email, "user", device.id, /[0-9A-Z]{26}/]) await expect(claim).toContainText(text);
        // Every part of the entry is inside the screen, none hidden or cut.
        const box = await claim.boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        for (const part of await claim.locator("td, dd").all()) {
          await expect(part).toBeVisible();
          const partBox = await part.boundingBox();
          expect(partBox!.x + partBox!.width).toBeLessThanOrEqual(width);
        }
        await expectNoSidewaysScroll(page);
        await shoot(page, testInfo, "audit");
      });
    });

    test.describe("claiming", () => {
      // The release behind the page's back answers 404 to the page: that is the point.
      test.use({ expectedErrors: [/status of 404/] });

      test("a device already in the fleet is said to be there", async ({ page, request }, testInfo) => {
        const { register } = await agents(request);
        const [mine, other] = [newDevice(), newDevice()];
        await register(mine.id);
        await register(other.id);
        await signUp(page);
        await page.getByRole("button", { name: "Claim a device" }).click();
        await page.getByLabel("Device ID from the label").fill(mine.label);
        await page.getByRole("dialog").getByRole("button", { name: "Claim" }).click();
        await expect(page.getByRole("dialog")).toBeHidden();

        await page.getByRole("button", { name: "Claim device" }).click();
        const dialog = page.getByRole("dialog");
        await dialog.getByLabel("Device ID from the label").fill(mine.label.toUpperCase());
        await dialog.getByRole("button", { name: "Claim" }).click();
        await expect(dialog.getByRole("status")).toHaveText(
          `${mine.id} is already in your fleet: there is nothing to claim.`,
        );
        await shoot(page, testInfo, "claim-owned");

        await dialog.getByLabel("Device ID from the label").fill(`${mine.id}\n${other.label}`);
        await dialog.getByRole("button", { name: "Claim" }).click();
        const results = dialog.getByRole("list", { name: "Claim results" });
        await expect(results).toContainText(`${mine.id}: already in your fleet`);
        await expect(results).toContainText(`${other.label}: claimed as ${other.id}`);
        await dialog.getByRole("button", { name: "Done" }).click();
        await expect(page.getByText("Your fleet: 2 devices claimed into this account.")).toBeVisible();
      });

      test("a release that failed starts clean when the dialog is opened again", async ({ page, request }) => {
        const { register } = await agents(request);
        const device = newDevice();
        await register(device.id);
        await signUp(page);
        await claimAs(page, request, device.id);
        await page.goto(`/devices/${device.id}`);
        // The page has read the device before it goes away behind its back.
        await expect(page.getByRole("button", { name: "Release device" })).toBeVisible();
        const headers = { Authorization: await sessionToken(page), Origin: ORIGIN };
        expect((await request.post("/api/device/release", { data: { id: device.id }, headers })).status()).toBe(200);

        await page.getByRole("button", { name: "Release device" }).click();
        const confirm = page.getByRole("dialog");
        await confirm.getByRole("button", { name: "Release", exact: true }).click();
        await expect(confirm.getByRole("alert")).toContainText("Cannot find device");
        await confirm.getByRole("button", { name: "Cancel" }).click();
        await page.getByRole("button", { name: "Release device" }).click();
        await expect(confirm).toBeVisible();
        await expect(confirm.getByRole("alert")).toHaveCount(0);
      });
    });
  });
}

test("rotating a product token closes the dialog and says the old token is dead", async ({ page, request }) => {
  const owner = await ownerApi(request);
  const name = unique("rotate");
  await request.post("/api/product/create", { data: { name }, headers: owner });
  await signIn(page, OWNER, "/products");
  await page.getByRole("button", { name: `Show ${name}` }).click();
  const before = await page.getByLabel("Product token").inputValue();
  await page.getByRole("button", { name: "Rotate token" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Rotate", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByText("A new token is shown above; the old one no longer works.")).toBeVisible();
  await expect(page.getByLabel("Product token")).not.toHaveValue(before);
});
