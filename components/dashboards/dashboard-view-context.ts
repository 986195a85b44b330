"use client";
import { createContext, useContext } from "react";

/** What every widget of the open dashboard draws against: the span, the picked device, the zone. */
export interface DashboardViewState {
  from: number;
  to: number;
  device: string | null;
  timezone: string;
  /** Graphs of one dashboard share the crosshair through this ID. */
  syncId: string;
  /** Zooms the whole dashboard to a span dragged on a graph. */
  onZoom: (from: number, to: number) => void;
}

export const DashboardViewContext = createContext<DashboardViewState | null>(null);

export function useDashboardView(): DashboardViewState {
  const view = useContext(DashboardViewContext);
  if (!view) throw new Error("A widget is drawn inside a dashboard");
  return view;
}
