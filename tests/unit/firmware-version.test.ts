import { describe, expect, it } from "vitest";
import { compareVersions, newestAbove } from "../../lib/firmware/version";

// Firmware versions order as semantic versioning does, numbers as numbers (decision 016).

describe("compareVersions", () => {
  it("orders each number as a number, a missing one as 0", () => {
    expect(compareVersions("1.10.0", "1.9.9")).toBeGreaterThan(0);
    expect(compareVersions("1.2", "1.2.0")).toBe(0);
    expect(compareVersions("2", "1.99.99.99")).toBeGreaterThan(0);
    expect(compareVersions("0.0.1", "0.0.2")).toBeLessThan(0);
  });

  it("puts a pre-release before its release, and orders pre-releases as semantic versioning does", () => {
    const ordered = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
    ];
    for (let i = 1; i < ordered.length; i++)
      expect(compareVersions(ordered[i - 1]!, ordered[i]!), ordered[i]).toBeLessThan(0);
  });

  it("ignores build metadata, and answers null for what is not a version", () => {
    expect(compareVersions("1.0.0+abc", "1.0.0")).toBe(0);
    for (const text of ["", "v1.0", "1..2", "1.2.3.4.5", "latest", "1.0-", " 1.0 x"])
      expect(compareVersions(text, "1.0"), text).toBeNull();
  });
});

describe("newestAbove", () => {
  const releases = ["1.2.0", "1.10.0", "1.9.9", "0.9"].map((version) => ({ version }));

  it("offers the newest release newer than the device's version", () => {
    expect(newestAbove("1.0.0", releases)?.version).toBe("1.10.0");
    expect(newestAbove("1.9.9", releases)?.version).toBe("1.10.0");
  });

  it("offers nothing to a device at or above the newest, or whose version cannot be read", () => {
    expect(newestAbove("1.10", releases)).toBeNull();
    expect(newestAbove("3.0.0", releases)).toBeNull();
    expect(newestAbove("unknown", releases)).toBeNull();
  });
});
