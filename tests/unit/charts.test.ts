import { describe, expect, it } from "vitest";
import { buildCsv } from "@/lib/charts/csv";
import { seriesLabel } from "@/lib/charts/format";
import { rowsWithGaps, usualInterval } from "@/lib/charts/gaps";
import { periodForWidth } from "@/lib/charts/period";
import { withEveryValue, withPickedDevice } from "@/lib/charts/picked-device";
import { fromZonedInput, toZonedInput } from "@/lib/charts/zoned-input";
import { rangeFromParams, rangeToParams, resolveRange, stepRange, zoomRange } from "@/lib/charts/time-range";

const MIN = 60_000;
const bucket = (timestamp: number, value = 1) => ({ timestamp, value, count: 1, min: value - 1, max: value + 1 });

describe("time range in the URL", () => {
  it("reads a preset, absolute ISO or epoch bounds, and falls back on nonsense", () => {
    expect(rangeFromParams(new URLSearchParams("range=6h"), 86_400)).toEqual({ kind: "relative", seconds: 21_600 });
    expect(rangeFromParams(new URLSearchParams("range=13x"), 86_400)).toEqual({ kind: "relative", seconds: 86_400 });
    expect(
      rangeFromParams(new URLSearchParams("from=2026-01-01T00:00:00.000Z&to=2026-01-02T00:00:00.000Z"), 3600),
    ).toEqual({ kind: "absolute", from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) });
    expect(rangeFromParams(new URLSearchParams("from=1000&to=61000"), 3600)).toEqual({
      kind: "absolute",
      from: 1000,
      to: 61000,
    });
    // reversed or too short: not a range
    expect(rangeFromParams(new URLSearchParams("from=61000&to=1000"), 3600).kind).toBe("relative");
    expect(rangeFromParams(new URLSearchParams("from=soon&to=later"), 3600).kind).toBe("relative");
  });

  it("writes back what it reads and keeps the other parameters", () => {
    const absolute = { kind: "absolute", from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 1, 6) } as const;
    const params = rangeToParams(absolute, new URLSearchParams("device=A1&range=1h"));
    expect(params.get("device")).toBe("A1");
    expect(params.get("range")).toBeNull();
    expect(rangeFromParams(params, 60)).toEqual(absolute);
    const relative = rangeToParams({ kind: "relative", seconds: 604_800 }, params);
    expect(relative.toString()).toBe("device=A1&range=7d");
  });

  it("steps a whole span back and forward, and zooms only on a real drag", () => {
    const now = Date.UTC(2026, 5, 1, 12);
    const back = stepRange({ kind: "relative", seconds: 3600 }, -1, now);
    expect(back).toEqual({ kind: "absolute", from: now - 2 * 3600_000, to: now - 3600_000 });
    expect(resolveRange(stepRange(back, 1, now), now)).toEqual({ from: now - 3600_000, to: now });
    expect(zoomRange(5 * MIN, 2 * MIN)).toEqual({ kind: "absolute", from: 2 * MIN, to: 5 * MIN });
    expect(zoomRange(MIN, MIN + 1000)).toBeNull();
  });
});

describe("period for a pixel width", () => {
  it("never asks for more points than pixels, nor more than the API answers", () => {
    const day = 86_400_000;
    expect(periodForWidth(6 * 3600_000, 360)).toBe(60);
    expect(periodForWidth(day, 1440)).toBe(120); // 1000 points at most, whatever the width
    expect(day / 1000 / periodForWidth(day, 1000)).toBeLessThanOrEqual(1000);
    expect(periodForWidth(day, 700)).toBe(300); // 123.4 s rounds up to a readable 5 min
    expect(periodForWidth(30 * day, 5000)).toBe(3600); // 5000 px still answers at most 1000 points
    expect(periodForWidth(3600_000, 0)).toBe(3600); // an unmeasured graph asks for one point
  });
});

describe("gaps", () => {
  it("breaks the line with a null after a step longer than twice the usual interval, never a zero", () => {
    const points = [0, 1, 2, 3, 10, 11].map((m) => bucket(m * MIN, m + 5));
    expect(usualInterval(points, MIN)).toBe(MIN);
    const rows = rowsWithGaps(points, MIN);
    expect(rows.map((r) => r.value)).toEqual([5, 6, 7, 8, null, 15, 16]);
    expect(rows[4]).toEqual({ t: 4 * MIN, value: null, band: null });
    expect(rows[0]!.band).toEqual([4, 6]);
  });

  it("keeps a series' own cadence: a device reporting every 10 min has no gaps at a 1 min period", () => {
    const points = [0, 10, 20, 30].map((m) => bucket(m * MIN));
    expect(rowsWithGaps(points, MIN).every((row) => row.value !== null)).toBe(true);
    // one missing bucket (twice the interval) is not yet a gap
    expect(
      rowsWithGaps(
        [0, 1, 2, 4, 5].map((m) => bucket(m * MIN)),
        MIN,
      ).some((r) => r.value === null),
    ).toBe(false);
  });

  it("marks a point with a break on both sides as lone, so the graph draws it as a dot", () => {
    const points = [0, 1, 2, 3, 10, 20, 21].map((m) => bucket(m * MIN));
    const lone = rowsWithGaps(points, MIN)
      .filter((row) => row.lone)
      .map((row) => row.t);
    expect(lone).toEqual([10 * MIN]);
    expect(rowsWithGaps([bucket(0)], MIN)[0]!.lone).toBe(true);
  });
});

describe("CSV", () => {
  it("names each column with its statistic, units and dimensions, writes ISO 8601 and leaves gaps empty", () => {
    const csv = buildCsv([
      {
        metric: "temperature",
        statistic: "avg",
        units: "°C",
        dimensions: { Device: "A1" },
        points: [bucket(Date.UTC(2026, 0, 1, 0, 1), 21.5), bucket(Date.UTC(2026, 0, 1), 20)],
      },
      { metric: "temperature", statistic: "max", units: "", dimensions: {}, points: [bucket(Date.UTC(2026, 0, 1), 3)] },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "timestamp,temperature avg (°C) Device=A1,temperature max",
      "2026-01-01T00:00:00.000Z,20,3",
      "2026-01-01T00:01:00.000Z,21.5,",
      "",
    ]);
  });

  it("quotes a header holding a comma or a quote", () => {
    const csv = buildCsv([{ metric: "m", statistic: "avg", units: "", dimensions: { Room: 'a,"b"' }, points: [] }]);
    expect(csv).toBe('timestamp,"m avg Room=a,""b"""\r\n');
  });
});

describe("picked device", () => {
  it("substitutes ${device} and leaves out sets that need a device when none is picked", () => {
    const sets: Array<Record<string, string>> = [{ Device: "${device}" }, {}, { Device: "B2" }];
    expect(withPickedDevice(sets, "A1")).toEqual([{ Device: "A1" }, {}, { Device: "B2" }]);
    expect(withPickedDevice(sets, null)).toEqual([{}, { Device: "B2" }]);
  });
});

describe("every value", () => {
  it("expands a `*` into the matching series with data, and keeps other sets", () => {
    const known: Array<Record<string, string>> = [{ Device: "A" }, { Device: "B" }, { Device: "A", Sensor: "s" }, {}];
    expect(withEveryValue([{ Device: "*" }], known)).toEqual([{ Device: "A" }, { Device: "B" }]);
    expect(withEveryValue([{ Device: "*", Sensor: "s" }, { Device: "C" }], known)).toEqual([
      { Device: "A", Sensor: "s" },
      { Device: "C" },
    ]);
    expect(withEveryValue([{ Device: "*" }], [])).toEqual([]);
    const many = Array.from({ length: 40 }, (_, i) => ({ Device: `D${i}` }));
    expect(withEveryValue([{ Device: "*" }], many)).toHaveLength(32);
  });
});

describe("custom range fields in the dashboard's zone", () => {
  it("write and read wall-clock times in that zone, across daylight-saving changes", () => {
    const berlin = "Europe/Berlin";
    expect(toZonedInput(Date.parse("2026-07-01T07:00:00Z"), berlin)).toBe("2026-07-01T09:00");
    expect(toZonedInput(Date.parse("2026-12-01T08:00:00Z"), berlin)).toBe("2026-12-01T09:00");
    expect(fromZonedInput("2026-07-01T09:00", berlin)).toBe(Date.parse("2026-07-01T07:00:00Z"));
    expect(fromZonedInput("2026-12-01T09:00", berlin)).toBe(Date.parse("2026-12-01T08:00:00Z"));
    expect(fromZonedInput("2026-12-01T09:00", "UTC")).toBe(Date.parse("2026-12-01T09:00:00Z"));
    // 02:30 happens twice on 25 October (CEST, then CET): the earlier one.
    expect(fromZonedInput("2026-10-25T02:30", berlin)).toBe(Date.parse("2026-10-25T00:30:00Z"));
    // 02:30 never happens on 29 March: an hour on, as browsers read it.
    expect(fromZonedInput("2026-03-29T02:30", berlin)).toBe(Date.parse("2026-03-29T01:30:00Z"));
    expect(fromZonedInput("yesterday", berlin)).toBeNaN();
    for (const instant of [Date.parse("2026-10-25T03:15:00Z"), Date.parse("2026-03-29T03:00:00Z")])
      expect(fromZonedInput(toZonedInput(instant, berlin), berlin)).toBe(instant);
  });
});

describe("series labels", () => {
  it("name a known device by its name and any other dimension as name=value", () => {
    const series = { metric: "temperature", dimensions: { Device: "69AKE65XQA", Sensor: "s1" } };
    expect(seriesLabel(series)).toBe("temperature Device=69AKE65XQA Sensor=s1");
    expect(seriesLabel(series, new Map([["69AKE65XQA", "Thermostat 1"]]))).toBe("temperature Thermostat 1 Sensor=s1");
    expect(seriesLabel(series, new Map([["OTHER", "Other"]]))).toBe("temperature Device=69AKE65XQA Sensor=s1");
  });
});
