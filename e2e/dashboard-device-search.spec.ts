import { agents, claimAs, newDevice } from "./devices";
import { expect, signUp, test } from "./fixtures";

// One dashboard serves any device of a fleet larger than its picker lists: past 100 devices the
// picker offers a search (device/find's filter), and a device found there can be picked.

test("a fleet of more devices than the picker lists is searched, and a found device is picked", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signUp(page);
  const { register } = await agents(request);
  const fleet = Array.from({ length: 101 }, () => newDevice());
  for (const device of fleet) {
    await register(device.id);
    await claimAs(page, request, device.id);
  }
  // Unnamed devices list by ID; the last by ID is past the first hundred.
  const last = fleet.map((device) => device.id).sort()[100]!;

  await page.goto("/dashboards");
  const picker = page.getByLabel("Device", { exact: true });
  await expect(picker.locator("option", { hasText: last })).toHaveCount(0);
  await page.getByLabel("Find a device").fill(last.slice(0, 8));
  await expect(picker.locator("option", { hasText: last })).toHaveCount(1);
  await picker.selectOption(last);
  await expect(page).toHaveURL(new RegExp(`device=${last}`));
});
