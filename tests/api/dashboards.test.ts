import { describe, expect, it } from "vitest";
import { createDashboard } from "../../lib/contracts/dashboard";
import { db } from "../../lib/db/client";
import { migrationsFor } from "../../lib/db/migrate";
import { env } from "../../lib/env";
import { openApiDocument } from "../../lib/openapi";
import { FLEET_DASHBOARD_NAME, FLEET_RANGE, FLEET_WIDGETS } from "../../lib/services/fleet-dashboard";
import { call, unique } from "./client";
import { cloudToken, tenant, type Session } from "./fixtures";
import { snapshot } from "./samples";

const graph = (id: string, left = 0) => ({
  id,
  type: "graph",
  title: "Temperature",
  top: 0,
  left,
  width: 6,
  height: 4,
  metric: "temperature",
  dimensions: [{ Device: "${device}" }, { Device: "A1B2C3" }],
  units: "°C",
});

async function create(session: Session, body: Record<string, unknown>) {
  const created = await call("/api/dashboard/create", { token: session.token, body });
  expect(created.status, created.text).toBe(200);
  return created.json.data;
}

async function dashboardsOf(session: Session) {
  const found = await call("/api/dashboard/find", { token: session.token });
  expect(found.status, found.text).toBe(200);
  return found.json.data as Array<{ id: string; name: string; widgets: unknown[] }>;
}

async function auditActions(session: Session) {
  const audit = await call("/api/audit/find", { token: session.token });
  return audit.json.data.map((entry: { action: string; target: string }) => `${entry.action} ${entry.target}`);
}

describe("dashboards", () => {
  it("gives a new account the Fleet dashboard", async () => {
    const [fleet, ...others] = await dashboardsOf(await tenant());
    expect(others).toEqual([]);
    expect(fleet).toMatchObject({ name: FLEET_DASHBOARD_NAME, range: FLEET_RANGE, widgets: FLEET_WIDGETS });
  });

  it("creates, reads, updates and removes a dashboard, with an audit entry for each change", async () => {
    const admin = await tenant();
    const created = await create(admin, { name: "Boilers", widgets: [graph("t")] });
    expect(created).toMatchObject({
      name: "Boilers",
      range: { period: 86_400, refresh: 0, timezone: "local" },
      widgets: [{ ...graph("t"), namespace: "Embedthis/Device", statistic: "avg" }],
    });

    const got = await call("/api/dashboard/get", { token: admin.token, body: { id: created.id } });
    expect(got.json.data).toEqual(created);

    const renamed = await call("/api/dashboard/update", {
      token: admin.token,
      body: { id: created.id, name: "Pumps" },
    });
    expect(renamed.json.data).toMatchObject({ name: "Pumps", widgets: created.widgets });
    const rearranged = await call("/api/dashboard/update", {
      token: admin.token,
      body: { id: created.id, range: { period: 3600, refresh: 30, timezone: "Europe/Berlin" }, widgets: [] },
    });
    expect(rearranged.json.data).toMatchObject({
      name: "Pumps",
      range: { period: 3600, refresh: 30, timezone: "Europe/Berlin" },
      widgets: [],
    });

    const removed = await call("/api/dashboard/remove", { token: admin.token, body: { id: created.id } });
    expect(removed.json.data).toEqual({ id: created.id, removed: true });
    const gone = await call("/api/dashboard/get", { token: admin.token, body: { id: created.id } });
    expect([gone.status, gone.json.message]).toEqual([404, "Cannot find dashboard"]);
    expect(await auditActions(admin)).toEqual(
      expect.arrayContaining([
        `dashboard.create ${created.id} Boilers`,
        `dashboard.update ${created.id} Pumps`,
        `dashboard.remove ${created.id} Pumps`,
      ]),
    );
  });

  it("finds by name and pages through the account's dashboards", async () => {
    const admin = await tenant();
    const prefix = unique("board");
    for (const n of [1, 2, 3]) await create(admin, { name: `${prefix} ${n}` });
    const named = await call("/api/dashboard/find", { token: admin.token, body: { name: `${prefix} 2` } });
    expect(named.json.data.map((d: { name: string }) => d.name)).toEqual([`${prefix} 2`]);

    const seen: string[] = [];
    let next: string | undefined;
    do {
      const query = `limit=2&sort=name${next ? `&next=${encodeURIComponent(next)}` : ""}`;
      const page = await call("/api/dashboard/find", { token: admin.token, query });
      expect(page.status, page.text).toBe(200);
      seen.push(...page.json.data.map((d: { name: string }) => d.name));
      next = page.json.next ?? undefined;
    } while (next);
    expect(seen).toEqual([FLEET_DASHBOARD_NAME, `${prefix} 1`, `${prefix} 2`, `${prefix} 3`].sort());
  });

  it("lets a viewer read dashboards and only an admin change them", async () => {
    const admin = await tenant();
    const [fleet] = await dashboardsOf(admin);
    const viewer = await cloudToken(admin, "viewer");
    const found = await call("/tok/dashboard/find", { token: viewer });
    expect(found.json.data.map((d: { id: string }) => d.id)).toEqual([fleet!.id]);
    const got = await call("/tok/dashboard/get", { token: viewer, body: { id: fleet!.id } });
    expect(got.json.data).toEqual(fleet);

    const before = await snapshot();
    for (const [verb, body] of [
      ["create", { name: "Mine" }],
      ["update", { id: fleet!.id, name: "Mine" }],
      ["remove", { id: fleet!.id }],
    ] as const) {
      const refused = await call(`/tok/dashboard/${verb}`, { token: viewer, body });
      expect([refused.status, refused.json.type], verb).toEqual([403, "access_denied"]);
    }
    expect(await snapshot()).toBe(before);
  });

  it("answers 404 for another account's dashboard and leaves it as it was", async () => {
    const [owner, stranger] = [await tenant(), await tenant()];
    const [fleet] = await dashboardsOf(owner);
    const before = await snapshot();
    for (const [verb, body] of [
      ["get", { id: fleet!.id }],
      ["update", { id: fleet!.id, name: "Taken", widgets: [] }],
      ["remove", { id: fleet!.id }],
    ] as const) {
      const answer = await call(`/api/dashboard/${verb}`, { token: stranger.token, body });
      expect([answer.status, answer.json.type, answer.json.message], verb).toEqual([
        404,
        "not_found",
        "Cannot find dashboard",
      ]);
    }
    expect(await snapshot()).toBe(before);
    expect((await dashboardsOf(stranger)).map((d) => d.id)).not.toContain(fleet!.id);
  });

  it("refuses bad widgets and ranges with 400, changing nothing", async () => {
    const admin = await tenant();
    const [fleet] = await dashboardsOf(admin);
    const badWidgets: Array<[string, unknown]> = [
      ["duplicate IDs", [graph("same"), graph("same", 6)]],
      ["an unknown type", [{ ...graph("w"), type: "pie" }]],
      ["no position", [{ id: "w", type: "text" }]],
      ["a zero width", [{ ...graph("w"), width: 0 }]],
      ["a column past the grid", [{ ...graph("w"), left: 12 }]],
      ["an unknown field", [{ ...graph("w"), colour: "red" }]],
      ["an unknown statistic", [{ ...graph("w"), statistic: "median" }]],
      ["a dimension set that is a list", [{ ...graph("w"), dimensions: [["Device"]] }]],
      ["not a list", { w: graph("w") }],
    ];
    const badRanges: Array<[string, unknown]> = [
      ["an unknown time zone", { timezone: "Mars/Olympus_Mons" }],
      ["a period under a minute", { period: 1 }],
      ["an unknown field", { from: "now-6h" }],
    ];
    const bodies = [
      ...badWidgets.map(([label, widgets]) => [label, { widgets }] as const),
      ...badRanges.map(([label, range]) => [label, { range }] as const),
    ];
    const before = await snapshot();
    for (const [label, body] of bodies) {
      for (const [verb, full] of [
        ["create", { name: "Bad", ...body }],
        ["update", { id: fleet!.id, ...body }],
      ] as const) {
        const answer = await call(`/api/dashboard/${verb}`, { token: admin.token, body: full });
        expect([answer.status, answer.json.type], `${verb}: ${label}`).toEqual([400, "validation_error"]);
      }
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("the checks of a dashboard its OpenAPI document cannot state", () => {
  const body = {
    name: "Doubled",
    range: { timezone: "Mars/Olympus_Mons" },
    widgets: [graph("same"), graph("same", 6)],
  };

  it("are the server's: the contract admits such a body, as the document does", () => {
    expect(createDashboard.input.safeParse(body).success).toBe(true);
    const doc = openApiDocument("http://localhost:3000") as unknown as {
      components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { $ref?: string } }> } } }>;
    };
    let schema: { $ref?: string; properties?: Record<string, Record<string, unknown>> } =
      doc.paths["/tok/dashboard/create"]!.post.requestBody.content["application/json"]!.schema;
    if (schema.$ref) schema = doc.components.schemas[schema.$ref.split("/").at(-1)!]!;
    expect(schema.properties!.range!["x-server-judged"]).toBeDefined();
    expect(schema.properties!.widgets!["x-server-judged"]).toBeDefined();
  });

  it("refuse it naming the fields the document marks", async () => {
    const admin = await tenant();
    const answer = await call("/api/dashboard/create", { token: admin.token, body });
    expect([answer.status, answer.json.type]).toEqual([400, "validation_error"]);
    expect(answer.json.fields.map((f: { name: string }) => f.name)).toEqual(["range", "widgets"]);
  });
});

describe("the fleet_dashboards migration", () => {
  it("gives the Fleet dashboard to accounts without dashboards, and no other", async () => {
    const [bare, kept] = [await tenant(), await tenant()];
    const [fleet] = await dashboardsOf(bare);
    await call("/api/dashboard/remove", { token: bare.token, body: { id: fleet!.id } });
    const keptBefore = await dashboardsOf(kept);

    const migration = migrationsFor(env().engine).find((m) => m.name.endsWith("_fleet_dashboards"));
    await db().$executeRawUnsafe(migration!.sql);

    const [given, ...others] = await dashboardsOf(bare);
    expect(others).toEqual([]);
    expect(given).toMatchObject({ name: FLEET_DASHBOARD_NAME, range: FLEET_RANGE, widgets: FLEET_WIDGETS });
    expect(given!.id).toMatch(/^[0-9A-Z]{26}$/);
    const got = await call("/api/dashboard/get", { token: bare.token, body: { id: given!.id } });
    expect(Math.abs(Date.parse(got.json.data.created) - Date.now())).toBeLessThan(60_000);
    expect(await dashboardsOf(kept)).toEqual(keptBefore);
  });
});
