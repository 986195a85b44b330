import { serverClock } from "./clock";
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

  // The server's clock stands still, so the backoff is met for certain, and moving the clock past
  // the wait replaces waiting for it.
  test.beforeEach(() => serverClock.stop());
  test.afterEach(() => serverClock.resume());

  test("say so, show the wait once the account is slowed down, and let the owner in after it", async ({
    page,
    browser,
  }) => {
    const visitor = await browser.newPage();
    const account = await signUp(page);
    await visitor.goto("/signin");
    await visitor.getByLabel("Email").fill(account.email);
    const attempt = async (password: string) => {
      await visitor.getByLabel("Password").fill(password);
      await visitor.getByRole("button", { name: "Sign in" }).click();
      await expect(visitor.getByRole("button", { name: "Sign in" })).toBeEnabled();
      return visitor.getByRole("alert").filter({ hasText: /\w/ }).innerText();
    };
    const WAIT = /wait (\d+) s before trying again/;
    const answers: string[] = [];
    for (let n = 1; n <= 12 && !WAIT.test(answers.at(-1) ?? ""); n++)
      answers.push(await attempt(`wrong password ${n}`));
    const wait = WAIT.exec(answers.at(-1) ?? "");
    expect(wait, answers.join(" | ")).not.toBeNull();
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("Invalid email or password"));

    await serverClock.advance(Number(wait![1]) * 1000);
    await visitor.getByLabel("Password").fill(account.password);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await expect(visitor).toHaveURL(/\/devices$/);
    await visitor.close();
  });
});
