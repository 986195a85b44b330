import { describe, expect, it } from "vitest";
import { relativeTime } from "../../lib/time";

describe("relative times", () => {
  const now = Date.parse("2026-11-30T12:00:00Z");
  const ago = (ms: number) => new Date(now - ms).toISOString();
  it.each([
    [0, "just now"],
    [9_000, "just now"],
    [42_000, "42 s ago"],
    [3 * 60_000 + 59_000, "3 min ago"],
    [5 * 3_600_000, "5 h ago"],
    [86_400_000, "1 day ago"],
    [2 * 86_400_000, "2 days ago"],
    [65 * 86_400_000, "2 months ago"],
    [800 * 86_400_000, "2 years ago"],
    [-7 * 86_400_000, "in 7 days"],
    [-90_000, "in 1 min"],
  ])("%i ms before now reads %s", (ms, text) => expect(relativeTime(ago(ms), now)).toBe(text));
});
