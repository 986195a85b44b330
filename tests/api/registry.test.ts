import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../lib/openapi";
import { controllerVerbs } from "../../lib/controllers";
import { verbPath } from "../../lib/contracts/verb";
import { call } from "./client";
import { everyVerb, samples } from "./samples";

describe("the verb registry", () => {
  it("has a sample for every verb, so the registry-driven suites cover all of them", () => {
    expect(everyVerb.map(verbPath).filter((path) => !samples[path])).toEqual([]);
  });

  it("is exactly what the OpenAPI document describes", () => {
    const doc = openApiDocument("http://localhost:3000");
    const documented = Object.keys(doc.paths)
      .filter((p) => p.startsWith("/tok/"))
      .map((p) => p.slice(5))
      .sort();
    expect(documented).toEqual(controllerVerbs.map((v) => verbPath(v.contract)).sort());
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth", "/builder/device/register", "/api/device/claim"]),
    );
    expect(doc.openapi).toBe("3.1.0");
  });

  it("answers unknown verbs, other methods and later issues' verbs with the documented errors", async () => {
    for (const path of ["/api/device/nope", "/api/action/nope", "/tok/auth/login"]) {
      const answer = await call(path, { token: "fpc_x" });
      expect([answer.status, answer.json.type], path).toEqual([404, "unrecognized_request"]);
      expect(answer.json.request_id).toBe(answer.headers.get("x-request-id"));
    }
    const get = await call("/api/device/find", { method: "GET" });
    expect([get.status, get.json.type]).toEqual([405, "method_not_supported"]);
    expect(get.headers.get("x-request-id")).toMatch(/^[0-9A-Z]{26}$/);
  });
});
