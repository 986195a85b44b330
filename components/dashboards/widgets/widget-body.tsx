"use client";
import type { Widget } from "@/lib/contracts/dashboard";
import { AlertsWidget } from "./alerts-widget";
import { GaugeWidget } from "./gauge-widget";
import { GraphWidget } from "./graph-widget";
import { NumericWidget } from "./numeric-widget";
import { TableWidget } from "./table-widget";

/** What a widget shows, by its type; `heightPx` is the room its frame leaves it. */
export function WidgetBody({ widget, heightPx }: { widget: Widget; heightPx: number }) {
  switch (widget.type) {
    case "graph":
      return <GraphWidget widget={widget} heightPx={heightPx} />;
    case "gauge":
      return <GaugeWidget widget={widget} />;
    case "numeric":
      return <NumericWidget widget={widget} />;
    case "table":
      return <TableWidget widget={widget} />;
    case "alerts":
      return <AlertsWidget />;
    case "text":
      return <p className="h-full overflow-auto text-sm whitespace-pre-wrap">{widget.text}</p>;
  }
}
