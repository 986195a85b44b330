import { expect, test } from "./fixtures";

// Every page carries the security headers (decision 008); every API answer the static ones.
test("pages carry a nonce CSP without eval and the security headers", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/signin", "/signup", "/devices", "/swagger"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(4);
  const api = await request.post("/api/device/find", { data: {} });
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-request-id"]).toMatch(/^[0-9A-Z]{26}$/);
});
