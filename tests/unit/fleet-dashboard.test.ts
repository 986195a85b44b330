import { describe, expect, it } from "vitest";
import { migrationsFor } from "../../lib/db/migrate";
import { FLEET_DASHBOARD_NAME, FLEET_RANGE, FLEET_WIDGETS } from "../../lib/services/fleet-dashboard";

// New accounts get the Fleet dashboard from lib/services/fleet-dashboard.ts, older ones from the
// fleet_dashboards migration: both must give the same dashboard on both engines.

/** The string literals of a SQL text, outside its `--` comments. */
function sqlLiterals(sql: string): string[] {
  const code = sql.replace(/^--.*$/gm, "");
  return [...code.matchAll(/'((?:[^']|'')*)'/g)].map((match) => match[1]!.replaceAll("''", "'"));
}

describe.each(["sqlite", "postgres"] as const)("the fleet_dashboards migration on %s", (engine) => {
  const migration = migrationsFor(engine).find((m) => m.name.endsWith("_fleet_dashboards"));
  const literals = sqlLiterals(migration?.sql ?? "");
  const json = (opening: string) => literals.filter((text) => text.startsWith(opening)).map((text) => JSON.parse(text));

  it("exists", () => {
    expect(migration).toBeDefined();
  });

  it("names the dashboard as new accounts get it", () => {
    expect(literals).toContain(FLEET_DASHBOARD_NAME);
  });

  it("stores the range of the TypeScript definition", () => {
    expect(json("{")).toEqual([FLEET_RANGE]);
  });

  it("stores the widgets of the TypeScript definition", () => {
    expect(json("[")).toEqual([FLEET_WIDGETS]);
  });
});

describe("the Fleet dashboard", () => {
  it("shows the simulator's four metrics of the picked device, and the fleet's temperatures", () => {
    const metrics = new Set(FLEET_WIDGETS.filter((w) => w.type === "graph").map((w) => w.metric));
    expect(metrics).toEqual(new Set(["temperature", "cpu", "memory", "battery"]));
    for (const widget of FLEET_WIDGETS.filter((w) => w.metric && w.type !== "table"))
      expect(widget.dimensions, widget.id).toEqual([{ Device: "${device}" }]);
    expect(FLEET_WIDGETS.find((w) => w.type === "table")!.dimensions).toEqual([{ Device: "*" }]);
  });

  it("fits the grid without overlapping widgets", () => {
    const cells = new Set<string>();
    for (const widget of FLEET_WIDGETS) {
      expect(widget.left + widget.width, widget.id).toBeLessThanOrEqual(12);
      for (let row = widget.top; row < widget.top + widget.height; row++)
        for (let column = widget.left; column < widget.left + widget.width; column++) {
          const cell = `${row},${column}`;
          expect(cells.has(cell), `${widget.id} at ${cell}`).toBe(false);
          cells.add(cell);
        }
    }
  });
});
