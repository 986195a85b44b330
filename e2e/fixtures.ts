import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { ORIGIN, OWNER } from "./owner";

// Every portal spec fails on a console error or a failed request in its pages, unless the spec
// names the errors it provokes on purpose (a claim of an unknown ID answers 404, and Chromium
// logs that as a console error).
export const test = base.extend<{ expectedErrors: RegExp[]; pageProblems: string[] }>({
  expectedErrors: [[], { option: true }],
  pageProblems: [
    async ({ page, expectedErrors }, use) => {
      const problems: string[] = [];
      const expected = (text: string) => expectedErrors.some((pattern) => pattern.test(text));
      page.on("console", (message) => {
        if (message.type() === "error" && !expected(message.text()))
          problems.push(`console: ${message.text()} ${message.location().url}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("requestfailed", (request) => {
        // Navigations away abort requests in flight; that is not a failure of the page.
        if (request.failure()?.errorText !== "net::ERR_ABORTED")
          problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
      });
      page.on("response", (response) => {
        if (response.status() >= 500) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await use(problems);
      expect(problems, "console errors and failed requests").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const unique = (what: string) => `${what}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function signIn(page: Page, credentials: { email: string; password: string }, next = "/devices") {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

/** Signs up a new account through the page; its creator is the account's admin. */
export async function signUp(page: Page) {
  const credentials = {
    name: unique("Fleet"),
    email: `${unique("admin")}@e2e.fleetport.test`,
    password: "correct horse battery",
  };
  await page.goto("/signup");
  await page.getByLabel("Account name").fill(credentials.name);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Devices", exact: true })).toBeVisible();
  return credentials;
}

/** The owner's login token over the API, for set-up the spec is not about. */
export async function ownerApi(request: APIRequestContext) {
  const headers = { Accept: "application/json", Origin: ORIGIN };
  const login = await (await request.post("/api/auth", { data: OWNER, headers })).json();
  return { ...headers, Authorization: login.data.token as string };
}

/** The session's login access token, as the page holds it. */
export async function sessionToken(page: Page): Promise<string> {
  const session = await page.evaluate(() => fetch("/api/auth/session").then((response) => response.json()));
  return (session as { portal: { accessToken: string } }).portal.accessToken;
}
