import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
const dir = mkdtempSync(path.join(tmpdir(), "prof-"));
process.env.DATA_DIR = dir;
process.env.DATABASE_URL = process.env.PROF_DB ?? `file:${dir}/p.db`;
process.env.LOG_LEVEL = "silent";
process.env.RATE_LIMIT_PER_MINUTE = "0";
const { migrate } = await import("../lib/db/migrate");
await migrate(process.env.DATABASE_URL);
const { dispatch } = await import("../lib/http/route-adapter");
const O = "http://localhost:3000";
async function post(p: string, body: unknown, headers: Record<string, string> = {}) {
  const [surface, controller, verb] = p.replace(/^\//, "").split("/");
  const r: any = p === "/api/auth" ? { surface: "auth" } : surface === "builder" ? { surface: "builder" } : { surface, controller, verb: verb!.split("?")[0] };
  const res = await dispatch(new Request(O + p, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "127.0.0.1", ...headers }, body: JSON.stringify(body) }), r);
  const t = await res.text();
  if (res.status !== 200) throw new Error(p + " " + t);
  return JSON.parse(t);
}
const email = `b${Date.now()}@example.test`; const password = "Kq8#vLm2!pZx9wRt";
await post("/api/account/create", { name: "B", email, password });
const login = await post("/api/auth", { email, password }, { origin: O });
const user = { authorization: login.data.token, origin: O };
const pt = (await post("/api/product/create", { name: "P" }, user)).data.token;
const ids: string[] = [];
for (let i = 0; i < 50; i++) { const id = `BENCH${String(i).padStart(5, "0")}`; await post("/builder/device/register", { id }, { authorization: `bearer ${pt}` }); await post("/api/device/claim", { id }, user); ids.push(id); }
const cloud = (await post("/api/token/create", { name: "b", role: "admin" }, user)).data.token;
const h = { authorization: cloud };
const { invoke } = await import("../lib/pipeline/invoke");
const { authenticate } = await import("../lib/services/authenticate");
const { getDevice } = await import("../lib/services/devices");
const { findAccountDevice } = await import("../lib/db/devices");
const { db } = await import("../lib/db/client");
async function time(label: string, k: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 500; i++) await f();
  const t0 = performance.now(); for (let i = 0; i < k; i++) await f();
  console.log(label, (((performance.now() - t0) / k) * 1000).toFixed(1), "µs");
}
const principal = await authenticate(cloud);
const ctx: any = { requestId: "x", address: "1", origin: null, principal, accountId: principal.accountId };
await time("harness get", 5000, () => post("/tok/device/get", { id: ids[7] }, h));
await time("invoke get", 5000, () => invoke({ route: { surface: "tok", controller: "device", verb: "get" } as any, caller: { kind: "secret", secret: cloud }, input: { id: ids[7] }, requestId: "r", address: "1", origin: null }));
await time("authenticate", 5000, () => authenticate(cloud));
await time("getDevice service", 5000, () => getDevice(ctx, { id: ids[7]! }));
await time("findAccountDevice", 5000, () => findAccountDevice(db(), principal.accountId, ids[7]!));
await time("empty async", 5000, async () => 1);
const which = process.env.WHICH ?? "get";
const n = Number(process.env.N ?? 20000);
const s = performance.now();
for (let i = 0; i < n; i++) await (which === "get" ? post("/tok/device/get", { id: ids[7] }, h) : post("/tok/device/find?limit=50", {}, h));
console.log(which, (((performance.now() - s) / n) * 1000).toFixed(0), "µs/call");
const { disconnect } = await import("../lib/db/client"); await disconnect();
