import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { verbPath } from "../../lib/contracts/verb";
import { call } from "./client";
import { buildWorld, endpoint, everyVerb, samples, snapshot, type World } from "./samples";

// Driven by the registry: every verb gets broken bodies and wrong fields. Each must answer the
// documented 4xx, leave every table as it was, and never answer 500.

let w: World;
beforeAll(async () => {
  w = await buildWorld();
  // One warm-up call so the token's once-a-minute "last used" stamp is not counted as a change.
  await call("/api/device/find", { token: w.boss.token });
});

const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

const rawCases: Array<[string, { raw: string; contentType?: string }, number, string]> = [
  ["broken JSON", { raw: '{"id": ' }, 400, "bad_request"],
  ["broken JSON5", { raw: "{id: , }" }, 400, "bad_request"],
  ["an array body", { raw: "[1,2]" }, 400, "bad_request"],
  ["a string body", { raw: '"hello"' }, 400, "bad_request"],
  ["deep nesting", { raw: `{"a": ${deep(5000)}}` }, 400, "bad_request"],
  // JSON5 comments and single-quoted strings may hold quotes and brackets of their own.
  ["deep nesting after a quote in a comment", { raw: `{/* " */ "a": ${deep(3000)}}` }, 400, "bad_request"],
  ["deep nesting after a quote in a line comment", { raw: `{// it's\n a: ${deep(100_000)}}` }, 400, "bad_request"],
  ["deep nesting after escaped quotes", { raw: `{'it\\'s': "\\"", b: ${deep(40)}}` }, 400, "bad_request"],
  ["a body of white space", { raw: "\n \t" }, 400, "bad_request"],
  ["U+0000 in text", { raw: '{"name": "a\\u0000b", "id": "x"}' }, 400, "bad_request"],
  ["U+0000 in a name", { raw: '{"a\\u0000": 1}' }, 400, "bad_request"],
  [
    "multipart content",
    { raw: "--x\r\n\r\n--x--", contentType: "multipart/form-data; boundary=x" },
    400,
    "bad_request",
  ],
];

function fieldNames(contract: (typeof everyVerb)[number]): string[] {
  return Object.keys((contract.input as z.ZodObject).shape);
}

describe("nesting hidden from a count of the text", () => {
  it("stores no preferences nested deeper than the limit, and never answers 500", async () => {
    const { a } = w;
    for (const levels of [3000, 100_000]) {
      const raw = `{"id": "${a.userId}", /* " */ "preferences": {"a": ${deep(levels)}}}`;
      const answer = await call("/api/user/update", { token: a.token, raw });
      expect([answer.status, answer.json?.type], `${levels} levels`).toEqual([400, "bad_request"]);
    }
    const user = await call("/api/user/get", { token: a.token, body: { id: a.userId } });
    expect(user.json.data.preferences).toEqual({});
  });
});

describe("bad input", () => {
  for (const contract of everyVerb) {
    const path = verbPath(contract);
    describe(path, () => {
      for (const [label, options, status, type] of rawCases) {
        it(`refuses ${label}`, async () => {
          const before = await snapshot();
          const answer = await call(endpoint(contract, w).path, { token: endpoint(contract, w).token, ...options });
          expect([answer.status, answer.json?.type], answer.text.slice(0, 200)).toEqual([status, type]);
          expect(await snapshot()).toBe(before);
        });
      }

      it(`refuses a body over its ${contract.bodyLimit} bytes`, async () => {
        const before = await snapshot();
        const raw = JSON.stringify({ pad: "x".repeat(contract.bodyLimit + 1000) });
        const answer = await call(endpoint(contract, w).path, { token: endpoint(contract, w).token, raw });
        expect([answer.status, answer.json?.type]).toEqual([413, "payload_too_large"]);
        expect(await snapshot()).toBe(before);
      });

      it("refuses wrong types, oversized strings and (unless a device verb) unknown fields, field by field", async () => {
        const { path: url, token } = endpoint(contract, w);
        const valid = await samples[path]!(w);
        const bodies: Array<Record<string, unknown>> = [];
        for (const field of fieldNames(contract)) {
          bodies.push({ ...valid, [field]: [{ wrong: true }] });
          bodies.push({ ...valid, [field]: "x".repeat(100_000) });
        }
        if (!contract.ignoreUnknown) bodies.push({ ...valid, surpriseField: 1 });
        for (const body of bodies) {
          const before = await snapshot();
          const answer = await call(url, { token, body });
          expect(
            answer.status,
            `${JSON.stringify(body).slice(0, 120)} → ${answer.text.slice(0, 200)}`,
          ).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          if (answer.json?.type === "validation_error") expect(answer.json.fields.length).toBeGreaterThan(0);
          expect(await snapshot()).toBe(before);
        }
      });

      if (!contract.ignoreUnknown) {
        it("names each unknown field", async () => {
          const { path: url, token } = endpoint(contract, w);
          const answer = await call(url, { token, body: { ...(await samples[path]!(w)), bogus: 1, other: 2 } });
          expect(answer.json.type).toBe("validation_error");
          expect(answer.json.fields.map((f: { name: string }) => f.name).sort()).toEqual(["bogus", "other"]);
        });
      }
    });
  }
});
