import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { alertFindBody, DEFAULT_ALERT_FILTERS } from "../../components/alerts/alert-filters";
import { alertChartSpan, alertSeriesOf } from "../../components/alerts/alert-series";
import { highestSeverity, SeverityBadge } from "../../components/alerts/severity";
import type { ActionView } from "../../lib/contracts/action";
import type { AlertView } from "../../lib/contracts/alert";

afterEach(cleanup);

const MINUTE = 60_000;
const fired = "2026-11-30T12:00:00.000Z";

function alert(patch: Partial<AlertView>): AlertView {
  return {
    id: "al1",
    deviceId: "D1",
    name: "Hot",
    subject: "",
    message: "",
    severity: "critical",
    seq: "",
    count: 1,
    state: "open",
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    acknowledged: false,
    acknowledgedAt: null,
    acknowledgedBy: null,
    silenced: false,
    silencedBy: null,
    actionId: null,
    context: {},
    created: fired,
    updated: fired,
    ...patch,
  };
}

describe("a severity", () => {
  it("is written as well as coloured", () => {
    render(<SeverityBadge severity="critical" />);
    expect(screen.getByText("Critical").className).toContain("bg-red-700");
  });

  it("of the badge is the worst one with open alerts", () => {
    expect(highestSeverity({ info: 3, warning: 0, error: 1, critical: 0 })).toBe("error");
    expect(highestSeverity({ info: 0, critical: 2 })).toBe("critical");
    expect(highestSeverity({ info: 0, warning: 0 })).toBeNull();
  });
});

describe("the inbox's filters", () => {
  const now = Date.parse("2026-11-30T12:00:00Z");

  it("ask for the unresolved alerts by default", () => {
    expect(alertFindBody(DEFAULT_ALERT_FILTERS, now)).toEqual({ state__in: ["open", "acknowledged"] });
  });

  it("ask for a severity, a state, a device and the last raise within a span", () => {
    const body = alertFindBody({ severity: "error", state: "resolved", deviceId: "D1", within: "3600" }, now);
    expect(body).toEqual({
      severity: "error",
      state: "resolved",
      deviceId: "D1",
      updated__gte: "2026-11-30T11:00:00.000Z",
    });
    expect(alertFindBody({ ...DEFAULT_ALERT_FILTERS, state: "" }, now)).toEqual({});
  });
});

describe("an alert's chart", () => {
  it("draws the series its context names", () => {
    const context = { metric: "temperature", namespace: "Lab", dimensions: { Device: "D1" }, statistic: "max" };
    expect(alertSeriesOf(alert({ context }), null)).toEqual({
      namespace: "Lab",
      metric: "temperature",
      dimensions: { Device: "D1" },
      statistic: "max",
    });
  });

  it("else draws its action's metric, with its device for an every-device dimension", () => {
    const action: Pick<ActionView, "trigger" | "namespace" | "metric" | "dimensions" | "statistic"> = {
      trigger: "metric",
      namespace: "Embedthis/Device",
      metric: "cpu",
      dimensions: { Device: "*" },
      statistic: "avg",
    };
    expect(alertSeriesOf(alert({}), action)).toEqual({
      namespace: "Embedthis/Device",
      metric: "cpu",
      dimensions: { Device: "D1" },
      statistic: "avg",
    });
    expect(alertSeriesOf(alert({}), { ...action, trigger: "device" })).toBeNull();
    expect(alertSeriesOf(alert({}), null)).toBeNull();
  });

  it("spans from before it fired to a while after its last raise, never past now", () => {
    const at = Date.parse(fired);
    expect(alertChartSpan(alert({}), at + 5 * MINUTE)).toEqual({ from: at - 30 * MINUTE, to: at + 5 * MINUTE });
    const repeated = alert({ updated: new Date(at + 60 * MINUTE).toISOString() });
    expect(alertChartSpan(repeated, at + 1000 * MINUTE)).toEqual({ from: at - 30 * MINUTE, to: at + 75 * MINUTE });
  });
});
