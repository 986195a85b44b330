import { ORIGIN, OWNER } from "./owner";
import { expect, signIn, signUp, test, unique } from "./fixtures";
import { startSimulator } from "./simulate";

// The fleet manager's day: the owner makes a product, a simulated agent registers with its token,
// a newly signed-up admin claims it by typing its label in lower case with dashes, renames it and
// releases it.

test("sign up, claim a simulated device by its typed label, rename it and release it", async ({ page, browser }) => {
  const ownerPage = await browser.newPage();
  await signIn(ownerPage, OWNER, "/products");
  const productName = unique("Thermostat");
  await ownerPage.getByRole("button", { name: "Create product" }).click();
  await ownerPage.getByRole("dialog").getByLabel("Name").fill(productName);
  await ownerPage.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await ownerPage.getByRole("button", { name: `Show ${productName}` }).click();
  const productToken = await ownerPage.getByLabel("Product token").inputValue();
  expect(productToken).toMatch(/^fpp_/);
  await ownerPage.close();

  await signUp(page);
  await expect(page.getByRole("heading", { name: "No devices yet" })).toBeVisible();

  const agent = startSimulator(productToken);
  try {
    const label = await agent.label();
    const id = label.replace("-", "");

    await page.getByRole("button", { name: "Claim a device" }).click();
    await page.getByLabel("Device ID from the label").fill(label.toLowerCase());
    await page.getByRole("dialog").getByRole("button", { name: "Claim" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    const row = page.getByRole("row").filter({ hasText: id });
    await expect(row).toContainText("new");
    await expect(row).toContainText(productName);
    await expect(page.getByRole("button", { name: "Claim device" })).toBeFocused();
    await expect.poll(agent.output, { timeout: 15_000 }).toContain(`cloud ${ORIGIN} (hosted)`);

    await row.getByRole("link", { name: id }).click();
    await page.getByLabel("Name").fill("Boiler room");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Boiler room" })).toBeVisible();

    await page.getByRole("button", { name: "Release device" }).click();
    const confirm = page.getByRole("dialog", { name: `Release Boiler room (${id})?` });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Release", exact: true }).click();
    await expect(page).toHaveURL(/\/devices$/);
    await expect(page.getByRole("heading", { name: "No devices yet" })).toBeVisible();
    // The release reaches the connected agent over MQTT: it forgets its certificate and registers again.
    await expect
      .poll(agent.output, { timeout: 15_000 })
      .toContain("released by the cloud: forgetting the certificate and registering again");
  } finally {
    agent.kill();
  }
});

test.describe("claiming by hand", () => {
  // The unknown ID's 404 is the point of this test.
  test.use({ expectedErrors: [/status of 404/] });

  test("shows unknown IDs inline and claims several pasted IDs with a result per line", async ({ page, request }) => {
    await signUp(page);
    await page.getByRole("button", { name: "Claim a device" }).click();
    await page.getByLabel("Device ID from the label").fill("nope-nope-0000");
    await page.getByRole("dialog").getByRole("button", { name: "Claim" }).click();
    await expect(page.getByRole("dialog").getByText("Cannot find device")).toBeVisible();

    const owner = {
      Accept: "application/json",
      Origin: ORIGIN,
      Authorization: (await (await request.post("/api/auth", { data: OWNER, headers: { Origin: ORIGIN } })).json()).data
        .token,
    };
    const product = await (
      await request.post("/api/product/create", { data: { name: unique("batch") }, headers: owner })
    ).json();
    const ids = [unique("B1"), unique("B2")].map((id) => id.toUpperCase().replace(/[^A-Z0-9]/g, ""));
    for (const id of ids)
      await request.post("/builder/device/register", {
        data: { id },
        headers: { Authorization: `bearer ${product.data.token}` },
      });
    await page.getByLabel("Device ID from the label").fill(`${ids[0]!.toLowerCase()}\n${ids[1]}\nmissing-one`);
    await page.getByRole("dialog").getByRole("button", { name: "Claim" }).click();
    const results = page.getByRole("list", { name: "Claim results" });
    await expect(results.getByRole("listitem")).toHaveCount(3);
    await expect(results).toContainText(`claimed as ${ids[0]}`);
    await expect(results).toContainText("missing-one: Cannot find device");
    await page.getByRole("button", { name: "Done" }).click();
    for (const id of ids) await expect(page.getByRole("row").filter({ hasText: id })).toBeVisible();
  });
});
