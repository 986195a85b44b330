import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFilterDate } from "../../lib/contracts/filters";
import { ERROR_TYPES } from "../../lib/errors";
import { derivePostgresSchema } from "../../lib/db/derive-schema";
import { shapeProblem } from "../../lib/http/body";
import { cursorOf, decodeCursor, encodeCursor } from "../../lib/pipeline/cursor";
import { ERROR_STATUS } from "../../lib/http/error-response";
import { MemoryRateLimiter } from "../../lib/pipeline/rate-limit";
import { newId } from "../../lib/ids";
import { normaliseClaimId } from "../../lib/contracts/device";

describe("schema drift", () => {
  it("keeps prisma/postgres/schema.prisma derived from the source schema (npm run db:derive)", () => {
    const derived = derivePostgresSchema(readFileSync("prisma/schema.prisma", "utf8"));
    expect(readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(derived);
  });
});

describe("ids", () => {
  it("are 26 characters, time-ordered and unique", () => {
    const ids = [newId(1_000), newId(2_000), newId(2_000)];
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect(ids[0]! < ids[1]!).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("claim IDs typed from a label", () => {
  it.each([
    ["abcde-12345", "ABCDE12345"],
    ["  ab cd e-1234 5 ", "ABCDE12345"],
    ["ABCDE12345", "ABCDE12345"],
  ])("%j → %s", (typed, id) => expect(normaliseClaimId(typed)).toBe(id));
});

describe("request bodies", () => {
  it("measure the nesting of the parsed value, however deep", () => {
    expect(shapeProblem({ a: [[1]] }, 3)).toBe(null);
    expect(shapeProblem({ a: [[1, {}]] }, 3)).toBe("deep");
    expect(shapeProblem({ a: "[[[[[[" }, 1)).toBe(null);
    const deep = JSON.parse("[".repeat(200_000) + "]".repeat(200_000));
    expect(shapeProblem(deep, 32)).toBe("deep");
  });

  it("find U+0000 in a text or a name at any level", () => {
    expect(shapeProblem({ points: [{ metric: "a\u0000" }] }, 32)).toBe("nul");
    expect(shapeProblem({ points: [{ "b\u0000": 1 }] }, 32)).toBe("nul");
    expect(shapeProblem({ points: [{ metric: "a" }] }, 32)).toBe(null);
    expect(shapeProblem(JSON.parse('{"d": [{"__proto__": "x"}]}'), 32)).toBe("proto");
  });
});

describe("cursors", () => {
  const sortable = { created: "date", accessed: "date?", name: "string" } as const;

  it("round-trip and refuse tampering", () => {
    const cursor = { sort: "created", key: new Date(0).toISOString(), id: "X", dir: "next" as const };
    expect(decodeCursor(encodeCursor(cursor), sortable)).toEqual(cursor);
    const empty = { sort: "accessed", key: null, id: "Y", dir: "prev" as const };
    expect(decodeCursor(encodeCursor(empty), sortable)).toEqual(empty);
    expect(decodeCursor("not-a-cursor", sortable)).toBeUndefined();
    expect(() => cursorOf({ prev: "not-a-cursor" }, sortable)).toThrow(/Invalid pagination cursor: pass `prev`/);
  });

  it("hold a key of their column's kind", () => {
    const forged = (key: string | null, sort: string) => encodeCursor({ sort, key, id: "X", dir: "next" });
    expect(decodeCursor(forged(null, "created"), sortable)).toBeUndefined();
    expect(decodeCursor(forged("yesterday", "accessed"), sortable)).toBeUndefined();
    expect(decodeCursor(forged(null, "name"), sortable)).toBeUndefined();
    expect(decodeCursor(forged("a", "updated"), sortable)).toBeUndefined();
    expect(decodeCursor(forged("a", "name"), sortable)?.key).toBe("a");
  });
});

describe("filter dates", () => {
  it("accepts RFC 3339 and the compact form, and nothing else", () => {
    expect(parseFilterDate("20161130T162512Z")?.toISOString()).toBe("2016-11-30T16:25:12.000Z");
    expect(parseFilterDate("2016-11-30T16:25:12.1234Z")?.getTime()).toBe(Date.parse("2016-11-30T16:25:12.123Z"));
    expect(parseFilterDate("yesterday")).toBeUndefined();
    expect(parseFilterDate("20160230T000000Z")).toBeUndefined();
    expect(parseFilterDate("20161330T000000Z")).toBeUndefined();
  });
});

describe("the error table", () => {
  it("maps every error type to the documented status", () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_TYPES].sort());
    expect(ERROR_STATUS.not_found).toBe(404);
    expect(ERROR_STATUS.rate_limited).toBe(429);
  });
});

describe("rate limits", () => {
  it("allows the limit per minute per key, then answers the wait, then forgets", () => {
    const limiter = new MemoryRateLimiter();
    for (let i = 0; i < 3; i++) expect(limiter.hit("k", 3, 1_000)).toBe(0);
    expect(limiter.hit("k", 3, 1_000)).toBe(60);
    expect(limiter.hit("other", 3, 1_000)).toBe(0);
    expect(limiter.hit("k", 3, 61_000)).toBe(0);
    expect(limiter.hit("k", 0, 1_000)).toBe(0);
  });
});
