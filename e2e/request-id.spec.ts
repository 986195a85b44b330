import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { ORIGIN } from "./owner";

// Every answer of the production server names its request in X-Request-ID, whoever wrote it: the
// API, a page, next-auth, a static file, Next's own 404 and 405, or the server in front of Next
// (lib/server/serve.ts), which also refuses the methods Next cannot handle.
const REQUEST_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const answers = [
  { what: "liveness", method: "GET", path: "/livez", status: 200 },
  { what: "a page", method: "GET", path: "/signin", status: 200 },
  { what: "the Swagger UI", method: "GET", path: "/swagger", status: 200 },
  { what: "next-auth's session", method: "GET", path: "/api/auth/session", status: 200 },
  { what: "next-auth's CSRF token", method: "GET", path: "/api/auth/csrf", status: 200 },
  { what: "a static file", method: "GET", path: "/icon.svg", status: 200 },
  { what: "the OpenAPI document", method: "GET", path: "/api/openapi.json", status: 200 },
  { what: "an API error", method: "POST", path: "/api/device/find", status: 401 },
  { what: "Next's 404 page", method: "GET", path: "/no-such-page", status: 404 },
  { what: "Next's 405", method: "PUT", path: "/livez", status: 405 },
  { what: "TRACE on the API", method: "TRACE", path: "/api/device/find", status: 405 },
  { what: "TRACE on a page", method: "TRACE", path: "/signin", status: 405 },
  { what: "a method Next refuses", method: "PROPFIND", path: "/livez", status: 405 },
];

for (const { what, method, path, status } of answers) {
  test(`${what} (${method} ${path}) answers ${status} with X-Request-ID`, async ({ request }) => {
    const response = await request.fetch(path, { method, maxRedirects: 0 });
    expect(response.status()).toBe(status);
    expect(response.headers()["x-request-id"]).toMatch(REQUEST_ID);
  });
}

test("a refused method answers the error model, and its request ID is the header's", async ({ request }) => {
  const response = await request.fetch("/api/device/find", {
    method: "TRACE",
    headers: { Accept: "application/json", Origin: ORIGIN },
  });
  const body = await response.json();
  expect([response.status(), body.type]).toEqual([405, "method_not_supported"]);
  expect(body.request_id).toBe(response.headers()["x-request-id"]);
});

test("the API answers under the request ID the server in front gave the request", async ({ request }) => {
  const response = await request.post("/api/device/find", { data: {}, headers: { Accept: "application/json" } });
  expect((await response.json()).request_id).toBe(response.headers()["x-request-id"]);
});

test("each answer gets a fresh ID, never one the client sent", async ({ request }) => {
  const forged = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  const ids = new Set<string>();
  for (const path of ["/livez", "/livez", "/signin", "/api/device/find"]) {
    const response = await request.fetch(path, { method: path.startsWith("/api") ? "POST" : "GET" });
    const id = response.headers()["x-request-id"] ?? "";
    expect(id).toMatch(REQUEST_ID);
    ids.add(id);
  }
  const sent = await request.post("/api/device/find", { headers: { "X-Request-ID": forged }, data: {} });
  ids.add(sent.headers()["x-request-id"] ?? forged);
  expect(ids.size).toBe(5);
  expect(ids).not.toContain(forged);
});

test("a request the HTTP parser refuses still answers with X-Request-ID", async () => {
  const { hostname, port } = new URL(ORIGIN);
  const head = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write("FOO /livez HTTP/1.1\r\nHost: x\r\n\r\n"));
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString()));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
  expect(head).toMatch(/^HTTP\/1\.1 400 /);
  expect(head).toMatch(/\r\nX-Request-ID: [0-9A-HJKMNP-TV-Z]{26}\r\n/i);
});
