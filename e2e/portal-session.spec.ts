import { ORIGIN } from "./owner";
import { expect, sessionToken, signIn, signUp, test } from "./fixtures";

test("a signed-out visit to a page goes to sign-in, and back after signing in", async ({ page, browser }) => {
  const account = await signUp(page);
  const visitor = await browser.newPage();
  await visitor.goto("/tokens");
  await expect(visitor).toHaveURL(/\/signin\?reason=required&next=%2Ftokens/);
  await expect(visitor.getByText("Sign in to see that page.")).toBeVisible();
  await signIn(visitor, account, "/tokens");
  await expect(visitor.getByRole("heading", { name: "Tokens" })).toBeVisible();
  await visitor.close();
});

test.describe("a revoked token", () => {
  // The API's 401 to the page's next call is the point here.
  test.use({ expectedErrors: [/status of 401/] });

  test("a token revoked behind the page's back signs the user out with a message", async ({ page, request }) => {
    await signUp(page);
    const token = await sessionToken(page);
    const revoked = await request.post("/api/user/logout", {
      data: {},
      headers: { Authorization: token, Origin: ORIGIN },
    });
    expect(revoked.status()).toBe(200);
    await page.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/signin\?reason=expired/);
    await expect(page.getByText("Your session ended")).toBeVisible();
  });
});

test("signing out ends the token at once", async ({ page, request }) => {
  await signUp(page);
  const token = await sessionToken(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  const after = await request.post("/api/device/find", { data: {}, headers: { Authorization: token, Origin: ORIGIN } });
  expect(after.status()).toBe(401);
});

test.describe("failed sign-ins", () => {
  // The API's 401 and 429 answers to the form are the point here.
  test.use({ expectedErrors: [/status of 401/] });

  test("say so, and show the wait once the account is slowed down", async ({ page, browser }) => {
    const visitor = await browser.newPage();
    const account = await signUp(page);
    await visitor.goto("/signin");
    await visitor.getByLabel("Email").fill(account.email);
    const attempt = async (n: number) => {
      await visitor.getByLabel("Password").fill(`wrong password ${n}`);
      await visitor.getByRole("button", { name: "Sign in" }).click();
      await expect(visitor.getByRole("button", { name: "Sign in" })).toBeEnabled();
      return visitor.getByRole("alert").filter({ hasText: /\w/ }).innerText();
    };
    for (let n = 1; n <= 5; n++) expect(await attempt(n)).toContain("Invalid email or password");
    // From the sixth failure each attempt waits longer (1 s, 2 s, 4 s…): one soon meets the wait.
    const later = [await attempt(6), await attempt(7), await attempt(8)];
    expect(
      later.some((text) => /wait \d+ s before trying again/.test(text)),
      later.join(" | "),
    ).toBe(true);
    await visitor.close();
  });
});
