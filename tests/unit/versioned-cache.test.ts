import { describe, expect, it } from "vitest";
import { VersionedCache } from "../../lib/versioned-cache";

describe("versioned cache (ADR 009)", () => {
  it("answers what was kept only while the database version is unchanged", () => {
    const cache = new VersionedCache<string>(100);
    expect(cache.get("a", 7)).toBeUndefined();
    cache.set("a", 7, "answer");
    expect(cache.get("a", 7)).toBe("answer");
    expect(cache.get("a", 8)).toBeUndefined();
    // Versions only differ after a commit; an old number coming back is still another version.
    expect(cache.get("a", 7)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 3, entries: 0, size: 0 });
  });

  it("drops a value computed while a commit landed", () => {
    const cache = new VersionedCache<string>(100);
    expect(cache.get("slow", 1)).toBeUndefined(); // a request reads version 1 and queries…
    expect(cache.get("other", 2)).toBeUndefined(); // …meanwhile a commit, seen by another request
    cache.set("slow", 1, "maybe stale");
    expect(cache.get("slow", 2)).toBeUndefined();
    expect(cache.get("slow", 1)).toBeUndefined();
  });

  it("keeps within its size, evicting the least recently used", () => {
    const cache = new VersionedCache<string>(10, (key, value) => key.length + value.length);
    cache.get("", 1);
    cache.set("a", 1, "1234"); // 5
    cache.set("b", 1, "1234"); // 10
    expect(cache.get("a", 1)).toBe("1234"); // a is now the most recent
    cache.set("c", 1, "1234"); // 15 > 10: b goes
    expect(cache.get("b", 1)).toBeUndefined();
    expect(cache.get("a", 1)).toBe("1234");
    expect(cache.get("c", 1)).toBe("1234");
    cache.set("huge", 1, "x".repeat(20)); // larger than the whole cache: never kept
    expect(cache.get("huge", 1)).toBeUndefined();
    expect(cache.stats().size).toBe(10);
  });

  it("is off with no room", () => {
    const cache = new VersionedCache<string>(0);
    expect(cache.enabled).toBe(false);
    cache.get("a", 1);
    cache.set("a", 1, "x");
    expect(cache.get("a", 1)).toBeUndefined();
  });
});
