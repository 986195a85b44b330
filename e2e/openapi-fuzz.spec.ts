import { expect, test } from "@playwright/test";
import { DocumentFuzzer } from "../tests/fuzz/openapi-fuzz";
import type { Send } from "../tests/fuzz/world";
import { ORIGIN, OWNER } from "./owner";

// The fuzzer of tests/api/openapi-fuzz.test.ts from outside: over HTTP against the production
// server (Next's routing and our node:http front), judged by the document that server serves.
const RUNS = 300;

const send: Send = async ({ path, query, headers, body }) => {
  const response = await fetch(`${ORIGIN}${path}${query ? `?${query}` : ""}`, { method: "POST", headers, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

test("every answer over HTTP to /api and /tok is one the served OpenAPI document describes", async ({ request }) => {
  test.setTimeout(120_000);
  const document = await (await request.get("/api/openapi.json")).json();
  const fuzzer = await DocumentFuzzer.start(document, send, OWNER);
  await fuzzer.run(RUNS);
  // Enough cases get past validation to exercise the verbs: a twentieth, as the in-process fuzzer asks
  // (tests/api/openapi-fuzz.test.ts says why); with the action verbs' server-judged settings one run
  // answered 200 to 28 of 300.
  expect(fuzzer.statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 20);
});
