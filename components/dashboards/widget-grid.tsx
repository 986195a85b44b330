"use client";
import "react-grid-layout/css/styles.css";
import "react-resizable/css/styles.css";
import GridLayout, { useContainerWidth, type Layout } from "react-grid-layout";
import { GRID_COLUMNS, type Widget } from "@/lib/contracts/dashboard";
import { applyGridLayout, inReadingOrder, moveWidget, resizeWidget } from "@/lib/dashboards/layout";
import { WidgetBody } from "./widgets/widget-body";
import { WidgetFrame, type WidgetEditing } from "./widget-frame";

const ROW_HEIGHT = 60;
const MARGIN = 12;
/** Below this width (a phone) the widgets stack in one column, in reading order. */
const ONE_COLUMN_BELOW = 640;
/** The card's header (and, editing, its button row) take this much of a widget's height. */
const chrome = (editing: boolean) => (editing ? 76 : 42);

const heightOf = (widget: Widget) => widget.height * ROW_HEIGHT + (widget.height - 1) * MARGIN;

/** The dashboard's widgets on the 12-column grid; in edit mode they are dragged, resized and moved by keyboard. */
export function WidgetGrid({
  widgets,
  editing,
  onChange,
}: {
  widgets: readonly Widget[];
  editing: boolean;
  onChange: (widgets: Widget[]) => void;
}) {
  const { width, containerRef, mounted } = useContainerWidth();
  const editingOf = (widget: Widget): WidgetEditing | null =>
    editing
      ? {
          onMove: (dx, dy) => onChange(moveWidget(widgets, widget.id, dx, dy)),
          onResize: (dw, dh) => onChange(resizeWidget(widgets, widget.id, dw, dh)),
          onRemove: () => onChange(widgets.filter((w) => w.id !== widget.id)),
        }
      : null;
  const card = (widget: Widget, heightPx: number) => (
    <WidgetFrame widget={widget} editing={editingOf(widget)}>
      <WidgetBody widget={widget} heightPx={heightPx - chrome(editing)} />
    </WidgetFrame>
  );
  const layout: Layout = widgets.map((w) => ({ i: w.id, x: w.left, y: w.top, w: w.width, h: w.height }));

  return (
    <div ref={containerRef}>
      {mounted && width < ONE_COLUMN_BELOW && (
        <div className="flex flex-col gap-3">
          {inReadingOrder(widgets).map((widget) => (
            <div key={widget.id} style={{ height: Math.max(heightOf(widget), 200) }}>
              {card(widget, Math.max(heightOf(widget), 200))}
            </div>
          ))}
        </div>
      )}
      {mounted && width >= ONE_COLUMN_BELOW && (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: [MARGIN, MARGIN], containerPadding: [0, 0] }}
          dragConfig={{ enabled: editing, handle: ".widget-drag-handle" }}
          resizeConfig={{ enabled: editing }}
          onLayoutChange={(next) => editing && onChange(applyGridLayout(widgets, next))}
        >
          {widgets.map((widget) => (
            <div key={widget.id}>{card(widget, heightOf(widget))}</div>
          ))}
        </GridLayout>
      )}
    </div>
  );
}
