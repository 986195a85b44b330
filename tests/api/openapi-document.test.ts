import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findVerb, specialVerbs } from "../../lib/controllers";
import type { VerbContract } from "../../lib/contracts/verb";
import { openApiDocument } from "../../lib/openapi";
import { breakingValue, fittingValue } from "../fuzz/arbitraries";
import { violations, type Schema } from "../fuzz/json-schema";
import { ORIGIN } from "./client";

// The document states each body's rules; the contract enforces them. For every operation, a body
// the document admits must pass the contract, and one it refuses must fail it.
const document = openApiDocument(ORIGIN);

function contractOf(path: string): VerbContract | undefined {
  if (path === "/api/auth") return specialVerbs.authLogin.contract;
  if (path === "/builder/device/register") return specialVerbs.registerDevice.contract;
  const [, surface, controller = "", verb = ""] = path.split("/");
  return surface === "tok" ? findVerb(controller, verb)?.contract : undefined;
}

const operations = Object.entries(document.paths as Record<string, { post: any }>) // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON document
  .map(([path, item]) => ({ path, contract: contractOf(path), operation: item.post }))
  .filter((entry) => entry.contract);

describe("the OpenAPI document and the contracts", () => {
  it("cover the same verbs", () => expect(operations.length).toBeGreaterThan(30));

  for (const { path, contract, operation } of operations) {
    it(`${path} admits and refuses the same bodies`, () => {
      const schema = operation.requestBody.content["application/json"].schema as Schema;
      const bodies = fc.oneof(fittingValue(schema, document), breakingValue(schema, document));
      fc.assert(
        fc.property(bodies, (body) => {
          const documented = violations(schema, body, document).length === 0;
          const parsed = contract!.input.safeParse(body);
          expect(parsed.success, parsed.error?.message ?? "the contract admits it").toBe(documented);
        }),
        { numRuns: 150 },
      );
    });
  }
});
