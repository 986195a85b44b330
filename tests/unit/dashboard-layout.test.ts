import { describe, expect, it } from "vitest";
import type { Widget } from "@/lib/contracts/dashboard";
import { applyGridLayout, bottomOf, inReadingOrder, moveWidget, resizeWidget } from "@/lib/dashboards/layout";

const widget = (id: string, left: number, top: number, width = 6, height = 4): Widget => ({
  id,
  type: "text",
  title: "",
  left,
  top,
  width,
  height,
  namespace: "Embedthis/Device",
  dimensions: [{}],
  statistic: "avg",
  units: "",
});

describe("keyboard layout of widgets", () => {
  it("moves by cells and stays inside the twelve columns", () => {
    const widgets = [widget("a", 0, 0), widget("b", 6, 0)];
    expect(moveWidget(widgets, "a", 3, 1)[0]).toMatchObject({ left: 3, top: 1 });
    expect(moveWidget(widgets, "b", 1, 0)[1]).toMatchObject({ left: 6 }); // already at the right edge
    expect(moveWidget(widgets, "a", -1, -1)[0]).toMatchObject({ left: 0, top: 0 });
    expect(moveWidget(widgets, "a", 1, 0)[1]).toBe(widgets[1]); // others untouched
  });

  it("resizes within 1–12 columns and 1–24 rows, pulling a widget left when it grows past the edge", () => {
    const widgets = [widget("a", 6, 0)];
    expect(resizeWidget(widgets, "a", 2, 0)[0]).toMatchObject({ width: 8, left: 4 });
    expect(resizeWidget(widgets, "a", -10, -10)[0]).toMatchObject({ width: 1, height: 1, left: 6 });
    expect(resizeWidget(widgets, "a", 0, 40)[0]).toMatchObject({ height: 24 });
  });

  it("reads back the grid library's layout and orders widgets for one column", () => {
    const widgets = [widget("a", 0, 0), widget("b", 6, 0)];
    const moved = applyGridLayout(widgets, [
      { i: "a", x: 0, y: 4, w: 12, h: 3 },
      { i: "b", x: 0, y: 0, w: 6, h: 4 },
    ]);
    expect(moved[0]).toMatchObject({ left: 0, top: 4, width: 12, height: 3 });
    expect(inReadingOrder(moved).map((w) => w.id)).toEqual(["b", "a"]);
    expect(bottomOf(moved)).toBe(7);
    expect(bottomOf([])).toBe(0);
  });
});
