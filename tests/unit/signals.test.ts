import { describe, expect, it } from "vitest";
import { DEVICE_METRICS, devicePoints, reading } from "../../lib/demo/signals";

const DAY = 86_400_000;
const start = Date.parse("2026-11-01T00:00:00Z");
const devices = ["0A1B2C3D4E", "ZZZZZZZZZZ", "BENCH00007", "X"];
/** Every five minutes over a week, as the demo seeds it. */
const week = Array.from({ length: (7 * DAY) / 300_000 }, (_, i) => start + i * 300_000);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("simulated device signals", () => {
  it("are finite, and the percentages stay within 0–100", () => {
    for (const id of devices) {
      for (const time of week) {
        for (const metric of DEVICE_METRICS) {
          const value = reading(id, metric, time);
          expect(Number.isFinite(value)).toBe(true);
          if (metric !== "temperature") expect(value).toBeGreaterThanOrEqual(0);
          if (metric !== "temperature") expect(value).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it("give temperature a daily cycle: afternoons warmer than nights, every day", () => {
    for (const id of devices) {
      for (let day = 0; day < 7; day++) {
        const hours = (from: number, to: number) =>
          week.filter((t) => t >= start + day * DAY + from * 3_600_000 && t < start + day * DAY + to * 3_600_000);
        const afternoon = mean(hours(13, 17).map((t) => reading(id, "temperature", t)));
        const night = mean(hours(1, 5).map((t) => reading(id, "temperature", t)));
        expect(afternoon - night).toBeGreaterThan(3);
      }
    }
  });

  it("drain the battery and recharge it within a day", () => {
    for (const id of devices) {
      const levels = week.slice(0, DAY / 300_000).map((t) => reading(id, "battery", t));
      expect(Math.max(...levels)).toBeGreaterThan(95);
      expect(Math.min(...levels)).toBeLessThan(25);
      const rises = levels.slice(1).filter((level, i) => level - levels[i]! > 1.5).length;
      const falls = levels.slice(1).filter((level, i) => levels[i]! - level > 0).length;
      expect(rises).toBeGreaterThan(10); // charging: about 2 % per 5 minutes
      expect(falls).toBeGreaterThan(rises); // draining is slower and longer
    }
  });

  it("are the same for the same device and instant, and differ between devices", () => {
    const time = start + 12_345_678;
    expect(devicePoints("0A1B2C3D4E", time)).toEqual(devicePoints("0A1B2C3D4E", time));
    expect(devicePoints("0A1B2C3D4E", time).map((p) => p.value)).not.toEqual(
      devicePoints("ZZZZZZZZZZ", time).map((p) => p.value),
    );
    expect(devicePoints("X", time)[0]).toMatchObject({
      namespace: "Embedthis/Device",
      metric: "temperature",
      dimensions: { Device: "X" },
      timestamp: time,
    });
  });
});
