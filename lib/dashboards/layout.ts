import { GRID_COLUMNS, type Widget } from "@/lib/contracts/dashboard";

// Moving and resizing widgets on the 12-column grid without a pointer (the keyboard and the edit
// buttons), and reading back what the grid library dragged. Positions stay inside the grid.

type Box = Pick<Widget, "top" | "left" | "width" | "height">;
const MAX_HEIGHT = 24;
const MAX_TOP = 1000;
const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

function fit(box: Box): Box {
  const width = clamp(box.width, 1, GRID_COLUMNS);
  return {
    width,
    height: clamp(box.height, 1, MAX_HEIGHT),
    left: clamp(box.left, 0, GRID_COLUMNS - width),
    top: clamp(box.top, 0, MAX_TOP),
  };
}

const change = (widgets: readonly Widget[], id: string, to: (box: Box) => Box): Widget[] =>
  widgets.map((widget) => (widget.id === id ? { ...widget, ...fit(to(widget)) } : widget));

/** Moves a widget by whole cells. */
export const moveWidget = (widgets: readonly Widget[], id: string, dx: number, dy: number) =>
  change(widgets, id, (box) => ({ ...box, left: box.left + dx, top: box.top + dy }));

/** Resizes a widget by whole cells; it keeps its top-left corner unless it would leave the grid. */
export const resizeWidget = (widgets: readonly Widget[], id: string, dw: number, dh: number) =>
  change(widgets, id, (box) => ({ ...box, width: box.width + dw, height: box.height + dh }));

/** The grid library's layout items as the widgets' positions. */
export function applyGridLayout(
  widgets: readonly Widget[],
  layout: ReadonlyArray<{ i: string; x: number; y: number; w: number; h: number }>,
): Widget[] {
  const byId = new Map(layout.map((item) => [item.i, item]));
  return widgets.map((widget) => {
    const item = byId.get(widget.id);
    return item ? { ...widget, ...fit({ left: item.x, top: item.y, width: item.w, height: item.h }) } : widget;
  });
}

/** Reading order: top to bottom, then left to right (one column on a phone follows it). */
export const inReadingOrder = (widgets: readonly Widget[]) =>
  [...widgets].sort((a, b) => a.top - b.top || a.left - b.left);

/** Where a new widget goes: below all the others, full width on the left. */
export const bottomOf = (widgets: readonly Widget[]) => Math.max(0, ...widgets.map((w) => w.top + w.height));
