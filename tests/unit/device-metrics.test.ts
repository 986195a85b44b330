import { describe, expect, it } from "vitest";
import {
  DEVICE_RANGES,
  deviceRange,
  isPreset,
  searchForPreset,
  searchForSpan,
} from "../../components/devices/metric-range";
import { metricsOf, otherDimensions, seriesKey, sortSeries } from "../../components/devices/series-display";

describe("the device page's chart range in the URL", () => {
  const preset = (key: string) => DEVICE_RANGES.find((range) => range.key === key)!;
  const day = preset("24h");

  it("offers 1 h, 24 h, 7 d and 30 d, in that order", () => {
    expect(DEVICE_RANGES.map((range) => [range.short, range.seconds])).toEqual([
      ["1 h", 3_600],
      ["24 h", 86_400],
      ["7 d", 604_800],
      ["30 d", 2_592_000],
    ]);
  });

  it.each([
    ["range=1h", "1h"],
    ["range=7d&x=1", "7d"],
    ["range=30d", "30d"],
    ["", "24h"],
    ["range=5y", "24h"],
  ])("?%s reads as %s", (query, key) =>
    expect(isPreset(deviceRange(new URLSearchParams(query)), preset(key))).toBe(true),
  );

  it("reads a zoomed span as none of the presets", () => {
    const zoomed = deviceRange(new URLSearchParams(searchForSpan(new URLSearchParams("range=7d"), 0, 3_600_000)));
    expect(zoomed).toEqual({ kind: "absolute", from: 0, to: 3_600_000 });
    expect(DEVICE_RANGES.some((range) => isPreset(zoomed, range))).toBe(false);
  });

  it("sets a preset, drops a zoom and keeps every other parameter", () => {
    expect(searchForPreset(new URLSearchParams("tab=a&range=1h"), preset("7d"))).toBe("?tab=a&range=7d");
    expect(searchForPreset(new URLSearchParams("from=1&to=99999999&tab=a"), day)).toBe("?tab=a&range=24h");
  });
});

const series = (metric: string, dimensions: Record<string, string>, namespace = "Embedthis/Device") => ({
  namespace,
  metric,
  dimensions,
});

describe("a device's series as its page shows them", () => {
  it("leaves out the device's own Device dimension, not another one", () => {
    expect(otherDimensions({ Device: "D1" }, "D1")).toBe("");
    expect(otherDimensions({ Sensor: "inlet", Device: "D1", Bank: "2" }, "D1")).toBe("Bank=2, Sensor=inlet");
    expect(otherDimensions({ Device: "D2" }, "D1")).toBe("Device=D2");
  });

  it("keys a series the same whatever the order of its dimensions", () => {
    expect(seriesKey(series("t", { a: "1", b: "2" }))).toBe(seriesKey(series("t", { b: "2", a: "1" })));
    expect(seriesKey(series("t", { a: "1" }))).not.toBe(seriesKey(series("t", { a: "2" })));
    expect(seriesKey(series("t", {}, "A"))).not.toBe(seriesKey(series("t", {}, "B")));
  });

  it("sorts the usual namespace first, then by metric and dimensions", () => {
    const list = [
      series("temp", { Device: "D1", Sensor: "b" }),
      series("cpu", { Device: "D1" }, "Acme/Pump"),
      series("temp", { Device: "D1", Sensor: "a" }),
      series("battery", { Device: "D1" }),
    ];
    expect(sortSeries(list, "D1").map((s) => [s.namespace, s.metric, s.dimensions.Sensor])).toEqual([
      ["Embedthis/Device", "battery", undefined],
      ["Embedthis/Device", "temp", "a"],
      ["Embedthis/Device", "temp", "b"],
      ["Acme/Pump", "cpu", undefined],
    ]);
  });

  it("groups series into one chart per metric and namespace", () => {
    const list = [
      series("temp", { Device: "D1", Sensor: "b" }),
      series("cpu", { Device: "D1" }),
      series("temp", { Device: "D1", Sensor: "a" }),
      series("temp", { Device: "D1" }, "Acme/Pump"),
    ];
    expect(metricsOf(list, "D1").map((group) => group.series.map((s) => s.dimensions.Sensor ?? s.namespace))).toEqual([
      ["Embedthis/Device"],
      ["a", "b"],
      ["Acme/Pump"],
    ]);
  });
});
