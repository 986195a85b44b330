import { ORIGIN } from "./owner";
import { expect, signUp, test, unique } from "./fixtures";

test("invite a user, who accepts in another browser, then change their role", async ({ page, browser }) => {
  await signUp(page);
  await page.getByRole("link", { name: "Users" }).click();
  const email = `${unique("invitee")}@e2e.fleetport.test`;
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("user");
  await dialog.getByRole("button", { name: "Invite", exact: true }).click();
  const link = await dialog.getByLabel("Invite link").inputValue();
  expect(link).toMatch(new RegExp(`^${ORIGIN}/invite\\?token=`));
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("invited");

  // The invitee, in a browser of their own.
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await inviteePage.getByLabel("Password", { exact: true }).fill("invitee password 1");
  await inviteePage.getByLabel("Repeat the password").fill("invitee password 1");
  await inviteePage.getByRole("button", { name: "Join" }).click();
  await expect(inviteePage.getByRole("heading", { name: "Devices", exact: true })).toBeVisible();
  await expect(inviteePage.getByText(`${email} · user`)).toBeVisible();
  await expect(inviteePage.getByRole("button", { name: "Claim device" })).toBeVisible();

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("active");
  await row.getByLabel(`Role of ${email}`).selectOption("viewer");
  await row.getByRole("button", { name: `Save role of ${email}` }).click();
  await expect(row.getByRole("button", { name: `Save role of ${email}` })).toBeHidden();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email }).getByLabel(`Role of ${email}`)).toHaveValue("viewer");

  // The invitee's open portal follows the new role (the API already does).
  await inviteePage.reload();
  await expect(inviteePage.getByText(`${email} · viewer`)).toBeVisible();
  await expect(inviteePage.getByRole("button", { name: "Claim device" })).toBeHidden();
  await invitee.close();
});

test("create a CloudAPI token, copy it once, and revoke it", async ({ page, request }) => {
  await signUp(page);
  await page.getByRole("link", { name: "Tokens" }).click();
  const name = unique("ci-script");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Role").selectOption("viewer");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByText(/will not be shown again/i)).toBeVisible();
  const secret = await dialog.getByLabel("Token secret").inputValue();
  expect(secret).toMatch(/^fpc_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  expect((await request.post("/tok/device/find", { data: {}, headers: { Authorization: secret } })).status()).toBe(200);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke ${name}?` });
  await confirm.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  expect((await request.post("/tok/device/find", { data: {}, headers: { Authorization: secret } })).status()).toBe(401);
});
