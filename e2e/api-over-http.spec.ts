import { expect, test, type APIRequestContext } from "@playwright/test";
import { ORIGIN, OWNER } from "./owner";

// The README's curl walk-through, over real HTTP through Next's routing and our server front.
const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function post(request: APIRequestContext, url: string, data: unknown, headers: Record<string, string> = {}) {
  const response = await request.post(url, { data, headers: { Accept: "application/json", ...headers } });
  expect(response.headers()["x-request-id"], url).toMatch(/^[0-9A-Z]{26}$/);
  return response;
}

test("a new user's curl session: sign up, log in, claim, token, release (with the owner's product)", async ({
  request,
}) => {
  const credentials = { email: `${unique("tenant")}@example.test`, password: "e2e api password 42" };
  expect((await post(request, "/api/account/create", { name: "E2E", ...credentials })).status()).toBe(200);
  const login = await post(request, "/api/auth", credentials, { Origin: ORIGIN });
  const user = { Authorization: `Bearer ${(await login.json()).data.token}`, Origin: ORIGIN };
  const ownerLogin = await post(request, "/api/auth", OWNER, { Origin: ORIGIN });
  const owner = { Authorization: `Bearer ${(await ownerLogin.json()).data.token}`, Origin: ORIGIN };

  const product = await post(request, "/api/product/create", { name: unique("product") }, owner);
  const productToken = (await product.json()).data.token as string;
  const id = `E2E${Math.random().toString(36).slice(2, 9).toUpperCase()}`.padEnd(10, "0").slice(0, 10);
  const agent = { Authorization: `bearer ${productToken}` };
  const waiting = await post(
    request,
    "/builder/device/register",
    { id, product: productToken, created: 0, iotoVersion: "2.8" },
    agent,
  );
  expect(await waiting.json()).toEqual({ registered: true });

  const typed = `${id.slice(0, 5)}-${id.slice(5)}`.toLowerCase();
  const claimed = await post(request, "/api/device/claim", { id: typed }, user);
  expect((await claimed.json()).data).toMatchObject({ id, state: "claimed" });
  const listed = await post(request, "/api/device/find?include=total_count", {}, user);
  expect((await listed.json()).data.map((d: { id: string }) => d.id)).toContain(id);

  const cloud = (await (await post(request, "/api/token/create", { name: "ci", role: "admin" }, user)).json()).data
    .token as string;
  const viaTok = await post(request, "/tok/device/get", { id }, { Authorization: cloud });
  expect((await viaTok.json()).data.id).toBe(id);
  expect((await post(request, "/tok/device/release", { id }, { Authorization: cloud })).status()).toBe(200);
  expect(await (await post(request, "/builder/device/register", { id }, agent)).json()).toEqual({ registered: true });
});

test("errors keep their documented shape through the framework", async ({ request }) => {
  const get = await request.get("/api/device/find");
  expect(get.status()).toBe(405);
  expect(get.headers()["x-request-id"]).toBeTruthy();
  const plain = await request.post("/api/device/find", { data: {}, headers: { Accept: "*/*" } });
  expect([plain.status(), plain.headers()["content-type"], await plain.text()]).toEqual([
    401,
    "text/plain; charset=utf-8",
    "Missing or malformed Authorization header",
  ]);
  const unknown = await post(request, "/tok/alert/nope", {}, { Authorization: "fpc_x" });
  expect((await unknown.json()).type).toBe("unrecognized_request");
  const openapi = await request.get("/api/openapi.json");
  expect((await openapi.json()).paths["/api/device/claim"]).toBeTruthy();
});

test("the Swagger UI renders the API from the npm package, in Chromium", async ({ page }) => {
  const failed: string[] = [];
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("console", (m) => m.type() === "error" && failed.push(m.text()));
  const document = await (await page.request.get("/api/openapi.json")).json();
  const tags = new Set(
    Object.values<Record<string, { tags: string[] }>>(document.paths).flatMap((item) =>
      Object.values(item).flatMap((operation) => operation.tags),
    ),
  );
  await page.goto("/swagger");
  // Tags start collapsed; every controller's is there, and opens on a click.
  await expect(page.locator(".opblock-tag")).toHaveCount(tags.size);
  await page.locator(`.opblock-tag[data-tag="device"]`).click();
  await expect(page.locator(`[data-path="/api/device/claim"]`).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Fleetport API/ })).toBeVisible();
  expect(failed).toEqual([]);
});
