import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { ORIGIN } from "./owner";
import { expect, ownerApi, sessionToken, unique } from "./fixtures";

// Devices for a spec: made the way the agent and the portal make them, over the API.

/** A claim ID as stored (ten letters and digits) and as printed on its label ("722fy-n17nw"). */
export function newDevice() {
  const id = randomBytes(8).toString("hex").toUpperCase().slice(0, 10);
  return { id, label: `${id.slice(0, 5)}-${id.slice(5)}`.toLowerCase() };
}

/** A product of the owner's, and a way to make its devices call in as their agents do. */
export async function agents(request: APIRequestContext) {
  const owner = await ownerApi(request);
  const product = await (
    await request.post("/api/product/create", { data: { name: unique("agents") }, headers: owner })
  ).json();
  const token = product.data.token as string;
  return {
    product: { id: product.data.id as string, name: product.data.name as string },
    register: async (id: string) => {
      const answer = await request.post("/builder/device/register", {
        data: { id },
        headers: { Authorization: `bearer ${token}` },
      });
      expect(answer.status()).toBe(200);
      return (await answer.json()) as { registered: true; token?: string };
    },
  };
}

/** Claims through the API as the signed-in user of `page`. */
export async function claimAs(page: Page, request: APIRequestContext, id: string) {
  const headers = { Authorization: await sessionToken(page), Origin: ORIGIN, Accept: "application/json" };
  expect((await request.post("/api/device/claim", { data: { id }, headers })).status()).toBe(200);
}

/** The page may never scroll sideways: everything fits the width. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}
