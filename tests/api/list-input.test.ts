import { beforeAll, describe, expect, it } from "vitest";
import { FILTER_OPERATORS } from "../../lib/contracts/filters";
import { verbPath, type SortKind } from "../../lib/contracts/verb";
import { openApiDocument } from "../../lib/openapi";
import { call } from "./client";
import { claimedDevice, owner, registeredDevice, tenant, type Session } from "./fixtures";
import { everyVerb } from "./samples";

const lists = everyVerb.filter((verb) => verb.answer === "list");

// A cursor is opaque to callers but anyone can forge one: base64url of [key, id, dir, sort].
// Every list must refuse a forged cursor as a validation error naming it, and never answer 500.
const forge = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString("base64url");

const badKeys: Record<SortKind, unknown[]> = {
  string: [null, 42, "nul\u0000byte"],
  date: [null, "yesterday", "nul\u0000byte", "+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", 0],
  "date?": ["yesterday", "10000-01-01T00:00:00.000Z", "2024-02-30T00:00:00.000Z", "0000-06-01T00:00:00.000Z", {}],
};
const goodKeys: Record<SortKind, unknown> = { string: "a", date: new Date(0).toISOString(), "date?": null };
const badIds = ["", "nul\u0000byte", "x".repeat(100), 7];

let boss: Session;
/** The body a list needs besides its page: the runs of one of the owner's actions. */
let bodies: Record<string, Record<string, unknown>> = {};
beforeAll(async () => {
  boss = await owner();
  await claimedDevice(boss);
  const action = await call("/api/action/create", {
    token: boss.token,
    body: { name: `list-input ${Date.now()}`, trigger: "manual", type: "alert" },
  });
  bodies = { "action/runs": { id: action.json.data.id } };
});

describe("forged list cursors", () => {
  for (const contract of lists) {
    it(`${verbPath(contract)} refuses each as a validation error naming the cursor`, async () => {
      const forged: Array<[string, unknown[]]> = [];
      for (const [sort, kind] of Object.entries(contract.sortable ?? {})) {
        for (const key of badKeys[kind]) forged.push(["next", [key, "01ABC", "next", sort]]);
        for (const id of badIds) forged.push(["prev", [goodKeys[kind], id, "prev", sort]]);
      }
      forged.push(["next", [goodKeys.date, "01ABC", "sideways", "created"]]);
      forged.push(["next", [goodKeys.date, "01ABC", "next", "no-such-column"]]);
      const wrong: string[] = [];
      for (const [name, parts] of forged) {
        const answer = await call(`/api/${verbPath(contract)}`, {
          token: boss.token,
          body: bodies[verbPath(contract)],
          query: `${name}=${forge(parts)}`,
        });
        const got = [answer.status, answer.json?.type, answer.json?.fields?.[0]?.name];
        if (got.join() !== [400, "validation_error", name].join()) wrong.push(`${JSON.stringify(parts)} → ${got}`);
      }
      const crashed = wrong.filter((line) => line.includes("→ 500")).length;
      expect(wrong, `${wrong.length} of ${forged.length} forged cursors wrong, ${crashed} with 500`).toEqual([]);
    });

    it(`${verbPath(contract)} still pages with a well-formed key of each sortable column`, async () => {
      for (const [sort, kind] of Object.entries(contract.sortable ?? {})) {
        const cursor = forge([goodKeys[kind], "01ABC", "next", sort]);
        // An empty sort is none, as the document says: the cursor's own order applies.
        for (const query of [`sort=${sort}&next=${cursor}`, `sort=&next=${cursor}&prev=`]) {
          const answer = await call(`/api/${verbPath(contract)}`, {
            token: boss.token,
            body: bodies[verbPath(contract)],
            query,
          });
          expect(answer.status, `${query}: ${answer.text.slice(0, 200)}`).toBe(200);
        }
      }
    });
  }
});

describe("filters on yes/no fields", () => {
  it("match by equality, and ordering or set operators are neither offered nor accepted", async () => {
    const me = await tenant();
    const plain = await claimedDevice(me);
    const tested = await registeredDevice();
    await call("/api/device/claim", { token: me.token, body: { id: tested, test: true } });
    const idsOf = async (body: object) =>
      (await call("/api/device/find", { token: me.token, body })).json.data.map((d: { id: string }) => d.id);
    expect(await idsOf({ test: false })).toEqual([plain]);
    expect(await idsOf({ test__eq: true })).toEqual([tested]);
    expect(await idsOf({ test__neq: true })).toEqual([plain]);

    const paths = openApiDocument("http://localhost:3000").paths as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reads a JSON document
    const wrong: string[] = [];
    for (const contract of lists) {
      const documented = paths[`/tok/${verbPath(contract)}`].post.requestBody.content["application/json"].schema;
      for (const [field, kind] of Object.entries(contract.filters ?? {})) {
        if (kind !== "boolean") continue;
        for (const op of FILTER_OPERATORS.filter((op) => op !== "eq" && op !== "neq")) {
          const name = `${field}__${op}`;
          const value = op === "in" || op === "nin" ? [true] : true;
          const answer = await call(`/api/${verbPath(contract)}`, { token: me.token, body: { [name]: value } });
          const got = [answer.status, answer.json?.type, answer.json?.fields?.[0]?.name, name in documented.properties];
          if (got.join() !== [400, "validation_error", name, false].join()) wrong.push(`${name} → ${got}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("date filters beyond the years engines store", () => {
  it("compare as the nearest storable date", async () => {
    const me = await tenant();
    const id = await claimedDevice(me);
    const idsOf = async (body: object) => {
      const answer = await call("/api/device/find", { token: me.token, body });
      expect(answer.status, answer.text.slice(0, 200)).toBe(200);
      return answer.json.data.map((d: { id: string }) => d.id);
    };
    expect(await idsOf({ created__gte: "0000-01-01T00:00:00Z" })).toEqual([id]);
    expect(await idsOf({ created__lte: "00000601T000000Z" })).toEqual([]);
    expect(await idsOf({ created__lte: "9999-12-31T23:59:59-23:59", created__in: ["0000-01-01T00:00:00Z"] })).toEqual(
      [],
    );
  });
});
