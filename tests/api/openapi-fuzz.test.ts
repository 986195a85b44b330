import { expect, it } from "vitest";
import { openApiDocument } from "../../lib/openapi";
import { DocumentFuzzer } from "../fuzz/openapi-fuzz";
import { signUp, type Send } from "../fuzz/world";
import { call, ORIGIN } from "./client";

// The OpenAPI document, fuzzed in-process against the real dispatcher and database. The same
// fuzzer runs over HTTP against a production server in e2e/openapi-fuzz.spec.ts.
const RUNS = 800;

const send: Send = (request) =>
  call(request.path, {
    raw: request.body,
    query: request.query,
    headers: request.headers,
    origin: null,
    contentType: null,
    accept: null,
  });

it("answers every generated request as the OpenAPI document says", { timeout: 60_000 }, async () => {
  // The first account of this file's database: the deployment owner.
  const owner = await signUp(send);
  const fuzzer = await DocumentFuzzer.start(openApiDocument(ORIGIN), send, owner);
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  await fuzzer.run(RUNS, seed);
  // Enough cases get past validation to exercise the verbs, not only their refusals. A twentieth:
  // the document now holds device-only verbs (provisioning, firmware updates) that no credential
  // of the fuzzer's world (owner, tenant) may pass, and verbs that need a device's own items; one CI
  // run answered 200 to 77 of 800 cases.
  expect(fuzzer.statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 20);
});
