import { startSimulator } from "./simulate";
import { expect, ownerApi, signUp, test, unique } from "./fixtures";

// The whole agent flow seen from the portal: a simulated agent (`npm run simulate`, over MQTT)
// waits in the pool; a person claims it by its label in the claim dialog; the agent provisions its
// certificate, connects to the broker, syncs and writes its Store, and the device's page shows it
// going online with its certificate and Store values, without a reload.
test("a device claimed in the portal provisions, goes online and shows its Store values", async ({ page, request }) => {
  const owner = await ownerApi(request);
  const product = await (
    await request.post("/api/product/create", { data: { name: unique("online") }, headers: owner })
  ).json();
  const simulator = startSimulator(product.data.token);
  try {
    const label = await simulator.label();
    const id = label.replace("-", "");
    await signUp(page);
    await page.getByRole("button", { name: "Claim a device" }).click();
    await page.getByLabel("Device ID from the label").fill(label.toLowerCase());
    await page.getByRole("dialog").getByRole("button", { name: "Claim" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await page.getByRole("row").filter({ hasText: id }).getByRole("link", { name: id }).click();

    const fields = page.locator("dl").first();
    // The agent waits for its next register poll (its delay grows by 0.25 s each time), then
    // provisions and connects; the page asks for the device every 5 s.
    await expect(fields.getByText("online", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(fields.getByText("provisioned", { exact: true })).toBeVisible();
    const certificate = page.getByRole("region", { name: "Certificate" });
    await expect(certificate.getByText("Serial")).toBeVisible({ timeout: 15_000 });
    const store = page.getByRole("region", { name: "Store" });
    // Synced up at connect (its firmware version) and set over MQTT while it runs.
    await expect(store.getByRole("rowheader", { name: "firmware", exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(store.getByRole("rowheader", { name: "uptime", exact: true })).toBeVisible({ timeout: 15_000 });
  } finally {
    simulator.kill();
  }
});
