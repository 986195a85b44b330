import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { seedDemo } from "../../scripts/demo/seed";

// `npm run demo` on a fresh database: what it prints is all a new user needs for the next step.
describe("npm run demo", () => {
  it("prints every claim ID, the product token and the simulate command, then the same again", async () => {
    const printed: string[] = [];
    await seedDemo((line) => printed.push(line));
    const demo = JSON.parse(readFileSync(path.join(env().dataDir, "demo.json"), "utf8")) as {
      productToken: string;
      claimIds: string[];
    };
    const output = printed.join("\n");
    expect(demo.claimIds).toHaveLength(8);
    for (const id of demo.claimIds) expect(output).toContain(`${id.slice(0, 5)}-${id.slice(5)}`.toLowerCase());
    expect(demo.productToken).toMatch(/^fpp_/);
    expect(output).toContain(`Product token (Demo Thermostat): ${demo.productToken}`);
    expect(printed).toContain(
      `  npm run simulate -- --product ${demo.productToken} --ids ${demo.claimIds.join(",")} --url ${env().appOrigin}`,
    );

    const again: string[] = [];
    await seedDemo((line) => again.push(line));
    expect(again).toEqual(printed);
  });
});
