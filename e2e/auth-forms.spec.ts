import type { Page } from "@playwright/test";
import { ORIGIN } from "./owner";
import { expect, ownerApi, test, unique } from "./fixtures";

// The forms that carry a password, as a slow phone meets them: the server's HTML is on screen but
// the page's scripts have not run yet. Whatever the user does then, no URL may carry the password.

/** Holds the page's scripts back until the returned function lets them through. */
async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/.+\.js(\?|$)/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const secret = () => unique("violet-kettle-orbit");
const carrying = (urls: string[], password: string) => urls.filter((url) => url.includes(password));

/**
 * Opens `path` unhydrated, lets `fill` type `password` (and the rest), presses Enter, then lets the
 * scripts run and waits for the form to hydrate: no URL requested meanwhile carries the password.
 * Answers those URLs, for the test to check again once the hydrated form has been sent.
 */
async function enterBeforeHydration(
  page: Page,
  { path, password, button }: { path: string; password: string; button: string },
  fill: () => Promise<void>,
) {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  const release = await holdScripts(page);
  await page.goto(path, { waitUntil: "domcontentloaded" });
  await fill();
  // Enter in the field just filled, as a quick user submits; it waits for any navigation it starts.
  await page.locator(":focus").press("Enter");
  expect(carrying(urls, password)).toEqual([]);
  release();
  await expect(page.getByRole("button", { name: button })).toBeEnabled();
  expect(carrying(urls, password)).toEqual([]);
  return urls;
}

test("signing in before the page has hydrated puts no password in a URL", async ({ page, request }) => {
  const account = { email: `${unique("early")}@e2e.fleetport.test`, password: secret() };
  const created = await request.post("/api/account/create", { data: { name: unique("Early"), ...account } });
  expect(created.status()).toBe(200);
  const urls = await enterBeforeHydration(page, { path: "/signin", ...account, button: "Sign in" }, async () => {
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
  });
  // Hydrated, the same form signs in through the API.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/devices$/);
  expect(carrying(urls, account.password)).toEqual([]);
});

test("signing up before the page has hydrated puts no password in a URL", async ({ page }) => {
  const password = secret();
  const urls = await enterBeforeHydration(page, { path: "/signup", password, button: "Create account" }, async () => {
    await page.getByLabel("Account name").fill(unique("Early"));
    await page.getByLabel("Email").fill(`${unique("early")}@e2e.fleetport.test`);
    await page.getByLabel("Password").fill(password);
  });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Devices", exact: true })).toBeVisible();
  expect(carrying(urls, password)).toEqual([]);
});

test("accepting an invite before the page has hydrated puts no password in a URL", async ({ page, request }) => {
  const invited = await request.post("/api/user/create", {
    data: { email: `${unique("early")}@e2e.fleetport.test`, role: "viewer" },
    headers: await ownerApi(request),
  });
  const link = (await invited.json()).data.invite as string;
  expect(link.startsWith(`${ORIGIN}/invite?token=`)).toBe(true);
  const password = secret();
  const urls = await enterBeforeHydration(page, { path: link, password, button: "Join" }, async () => {
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Repeat the password").fill(password);
  });
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { name: "Devices", exact: true })).toBeVisible();
  expect(carrying(urls, password)).toEqual([]);
});

test.describe("a weak password", () => {
  // The API's 400 to the form is the point here.
  test.use({ expectedErrors: [/status of 400/] });

  test("is refused at sign-up with the API's reason on the password field", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Account name").fill(unique("Weak"));
    await page.getByLabel("Email").fill(`${unique("weak")}@e2e.fleetport.test`);
    await page.getByLabel("Password").fill("password");
    await page.getByRole("button", { name: "Create account" }).click();
    const field = page.getByLabel("Password");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(/Choose a harder password: this is one of the most used passwords/);
    await expect(page).toHaveURL(/\/signup$/);
  });
});
