import { z } from "zod";
import { dashboardRange, EVERY_VALUE, PICKED_DEVICE, widgetSchema } from "../contracts/dashboard";

// The "Fleet" dashboard every account starts with: the simulator's metrics (npm run simulate) for
// the device picked on the page. New accounts get it when they are created; accounts older than
// dashboards got the same JSON from the fleet_dashboards migration, which a unit test holds equal
// to this definition.

export const FLEET_DASHBOARD_NAME = "Fleet";

const pickedDevice = [{ Device: PICKED_DEVICE }];

function series(metric: string, units: string) {
  return { metric, units, dimensions: pickedDevice };
}

function graph(id: string, title: string, metric: string, units: string, top: number, left: number) {
  return { id, type: "graph", title, top, left, width: 6, height: 5, ...series(metric, units) } as const;
}

export const FLEET_RANGE = dashboardRange.parse({ period: 86_400, refresh: 60, timezone: "local" });

/** Every field spelled out (defaults applied), as stored. */
export const FLEET_WIDGETS = z.array(widgetSchema).parse([
  {
    id: "temperature-now",
    type: "numeric",
    title: "Temperature",
    top: 0,
    left: 0,
    width: 3,
    height: 3,
    statistic: "current",
    ...series("temperature", "°C"),
  },
  {
    id: "battery-gauge",
    type: "gauge",
    title: "Battery",
    top: 0,
    left: 3,
    width: 3,
    height: 3,
    statistic: "current",
    min: 0,
    max: 100,
    ...series("battery", "%"),
  },
  {
    id: "how-to",
    type: "text",
    title: "Make it yours",
    top: 0,
    left: 6,
    width: 6,
    height: 3,
    text:
      "Pick a device at the top to show its metrics. To add a widget, switch to edit mode and add one: " +
      "choose its type, a metric from the list and the devices whose series it draws. In edit mode, drag " +
      "a widget to move it and drag its corner to resize it, or use the keyboard. Saving keeps the layout " +
      "for everyone in the account. A device dimension of ${device} follows the device picked on the page.",
  },
  graph("temperature-graph", "Temperature", "temperature", "°C", 3, 0),
  graph("cpu-graph", "CPU", "cpu", "%", 3, 6),
  graph("memory-graph", "Memory", "memory", "%", 8, 0),
  graph("battery-graph", "Battery", "battery", "%", 8, 6),
  {
    id: "temperature-table",
    type: "table",
    title: "Temperature across the fleet",
    top: 13,
    left: 0,
    width: 6,
    height: 4,
    statistic: "current",
    // One row per device with data, whichever is picked.
    metric: "temperature",
    units: "°C",
    dimensions: [{ Device: EVERY_VALUE }],
  },
  { id: "alerts", type: "alerts", title: "Alerts", top: 13, left: 6, width: 6, height: 4 },
]);
