import { randomInt } from "node:crypto";
import { controllerVerbs, specialVerbs } from "../../lib/controllers";
import { verbPath, type VerbContract } from "../../lib/contracts/verb";
import { db } from "../../lib/db/client";
import { call, claimId, unique } from "./client";
import { transfer } from "./file-transfer";
import { cloudToken, deviceWithToken, owner, product, registeredDevice, tenant, type Session } from "./fixtures";

// One valid body per verb, made against a world the test builds: the registry-driven suites
// (tenant isolation, bad input) start from these. A verb without a sample fails the coverage test.

export interface World {
  a: Session;
  b: Session;
  boss: Session;
  aDevice: string;
  /** The device token of aDevice, and of a device of account B: device verbs are theirs. */
  /** aDevice's own device token, and one of a device of account B. */
  aDeviceToken: string;
  bDeviceToken: string;
  aToken: { id: string };
  /** Account A's Fleet dashboard, which every account starts with. */
  aDashboard: string;
  product: { id: string; token: string };
  /** An action of account A (manual trigger, alert step). */
  aAction: { id: string; name: string };
}

export async function buildWorld(): Promise<World> {
  const boss = await owner();
  const [a, b] = [await tenant(), await tenant()];
  const { id: aDevice, token: aDeviceToken } = await deviceWithToken(a);
  const { token: bDeviceToken } = await deviceWithToken(b);
  await cloudToken(a);
  const tokens = await call("/api/token/find", { token: a.token });
  const dashboards = await call("/api/dashboard/find", { token: a.token });
  const action = await call("/api/action/create", {
    token: a.token,
    body: { name: unique("action"), trigger: "manual", type: "alert" },
  });
  return {
    a,
    b,
    boss,
    aDevice,
    aDeviceToken,
    bDeviceToken,
    aToken: { id: tokens.json.data[0].id },
    aDashboard: dashboards.json.data[0].id,
    product: await product(),
    aAction: { id: action.json.data.id, name: action.json.data.name },
  };
}

const sampleWidget = { id: "w1", type: "graph", top: 0, left: 0, width: 6, height: 4, metric: "temperature" };

export const samples: Record<string, (w: World) => Promise<Record<string, unknown>> | Record<string, unknown>> = {
  "account/create": () => ({
    name: unique("acct"),
    email: `${unique("u")}@example.test`,
    password: "long enough password",
  }),
  "account/get": (w) => ({ id: w.a.accountId }),
  "account/update": (w) => ({ id: w.a.accountId, name: "Renamed" }),
  "account/find": () => ({}),
  "account/close": (w) => ({ id: w.a.accountId }),
  "user/logout": () => ({}),
  "user/create": () => ({ email: `${unique("invitee")}@example.test`, role: "viewer" }),
  "user/login": async (w) => {
    const invited = await call("/api/user/create", {
      token: w.a.token,
      body: { email: `${unique("i")}@example.test`, role: "user" },
    });
    return { invite: invited.json.data.invite, password: "long enough password" };
  },
  "user/find": () => ({}),
  "user/get": (w) => ({ id: w.a.userId }),
  "user/update": (w) => ({ id: w.a.userId, first: "Ada" }),
  "user/updateRole": (w) => ({ id: w.a.userId, role: "user" }),
  "user/remove": (w) => ({ id: w.a.userId }),
  "user/changePassword": () => ({ password: "correct horse battery", newPassword: "another long password" }),
  "token/create": () => ({ name: unique("t"), role: "viewer" }),
  "token/find": () => ({}),
  "token/remove": (w) => ({ id: w.aToken.id }),
  "product/create": () => ({ name: unique("p") }),
  "product/find": () => ({}),
  "product/get": (w) => ({ id: w.product.id }),
  "product/update": (w) => ({ id: w.product.id, name: "Renamed" }),
  "product/remove": (w) => ({ id: w.product.id }),
  "product/rotateToken": (w) => ({ id: w.product.id }),
  "audit/find": () => ({}),
  "device/claim": async () => ({ id: await registeredDevice() }),
  "device/find": () => ({}),
  "device/get": (w) => ({ id: w.aDevice }),
  "device/update": (w) => ({ id: w.aDevice, name: "Renamed" }),
  "device/release": (w) => ({ id: w.aDevice }),
  "dashboard/find": () => ({}),
  "dashboard/get": (w) => ({ id: w.aDashboard }),
  "dashboard/create": () => ({ name: unique("dashboard"), range: { period: 3600 }, widgets: [sampleWidget] }),
  "dashboard/update": (w) => ({ id: w.aDashboard, name: "Renamed", widgets: [sampleWidget] }),
  "dashboard/remove": (w) => ({ id: w.aDashboard }),
  "auth/login": (w) => ({ email: w.a.email, password: "correct horse battery" }),
  "device/register": () => ({ id: claimId() }),
  "metric/set": () => ({ metric: "temperature", value: 21.5 }),
  "metric/fetch": () => ({ items: [{ metric: "temperature", range: 3600 }] }),
  "metric/getMetricList": () => ({}),
  "metric/get": () => ({ metric: "temperature" }),
  "metric/latest": (w) => ({ deviceId: w.aDevice }),
  "device/provision": (w) => ({ id: w.aDevice }),
  "provision/getCerts": (w) => ({ id: w.aDevice }),
  "device/getCreds": () => ({}),
  "provision/getCreds": () => ({}),
  "device/getCertificates": (w) => ({ id: w.aDevice }),
  "device/getSignedUrl": (w) => ({ id: w.aDevice, command: "get", filename: "photo.jpg" }),
  "file/getSignedUrl": (w) => ({ id: w.aDevice, command: "get", filename: "photo.jpg" }),
  "file/find": (w) => ({ deviceId: w.aDevice }),
  "file/remove": async (w) => ({ id: await storedFileOf(w) }),
  "firmware/create": (w) => ({ productId: w.product.id, version: "1.0.0" }),
  "firmware/find": (w) => ({ productId: w.product.id }),
  "firmware/remove": async (w) => ({ id: await releaseOf(w) }),
  "firmware/reports": (w) => ({ productId: w.product.id }),
  "provision/update": (w) => ({ id: w.aDevice, version: "1.0.0" }),
  "provision/updateReport": (w) => ({ id: w.aDevice, update: "1.0.0", success: true }),
  "store/get": (w) => ({ deviceId: w.aDevice, key: "temperature" }),
  "store/set": (w) => ({ deviceId: w.aDevice, key: "temperature", value: 21.5 }),
  "store/find": (w) => ({ deviceId: w.aDevice }),
  "store/remove": (w) => ({ deviceId: w.aDevice, key: "temperature" }),
  "generic/find": (w) => ({ _type: "Store", deviceId: w.aDevice }),
  "generic/get": (w) => ({ _type: "Store", deviceId: w.aDevice, key: "temperature" }),
  "generic/create": (w) => ({ _type: "Log", deviceId: w.aDevice, message: "hello" }),
  "generic/update": (w) => ({ _type: "Store", deviceId: w.aDevice, key: "temperature", value: 22 }),
  "generic/remove": (w) => ({ _type: "Store", deviceId: w.aDevice, key: "temperature" }),
  "action/find": () => ({}),
  "action/get": (w) => ({ id: w.aAction.id }),
  "action/create": () => ({ name: unique("action"), trigger: "manual", type: "alert", message: "Hello" }),
  "action/update": (w) => ({ id: w.aAction.id, description: "Changed" }),
  "action/remove": (w) => ({ id: w.aAction.id }),
  "action/invoke": (w) => ({ name: w.aAction.name, context: { value: 1 } }),
  "action/runs": (w) => ({ id: w.aAction.id }),
  "action/preview": () => ({ metric: "temperature", expression: "value > 30", days: 1 }),
  "alert/find": () => ({}),
  "alert/get": async (w) => ({ id: await alertOf(w) }),
  "alert/create": (w) => ({ name: unique("alert"), deviceId: w.aDevice, severity: "error", seq: unique("seq") }),
  "alert/update": async (w) => ({ id: await alertOf(w), acknowledged: true }),
  "alert/updateMany": async (w) => ({ ids: [await alertOf(w), await alertOf(w)], resolved: true }),
  "alert/remove": async (w) => ({ id: await alertOf(w) }),
  "alert/summary": () => ({}),
  "maintenance/find": () => ({}),
  "maintenance/create": (w) => ({
    scope: "device",
    targetId: w.aDevice,
    until: new Date(Date.now() + 3_600_000).toISOString(),
    reason: "Firmware rollout",
  }),
  "maintenance/remove": async (w) => ({ id: await maintenanceOf(w) }),
};

/** A new alert of aDevice, raised by account A's admin, by its ID. */
async function alertOf(w: World): Promise<string> {
  const body = { name: unique("alert"), deviceId: w.aDevice, severity: "warning" };
  return (await call("/api/alert/create", { token: w.a.token, body })).json.data.id;
}

/** A new maintenance window of account A, by its ID. */
async function maintenanceOf(w: World): Promise<string> {
  const body = { scope: "account", until: new Date(Date.now() + 3_600_000).toISOString(), reason: "Move" };
  return (await call("/api/maintenance/create", { token: w.a.token, body })).json.data.id;
}

/** A file aDevice stored, by its ID. */
async function storedFileOf(w: World): Promise<string> {
  const body = { id: w.aDevice, command: "put", filename: unique("sample"), mimeType: "text/plain" };
  const url = await call("/tok/file/getSignedUrl", { token: w.aDeviceToken, body });
  const stored = await transfer(url.json, { method: "PUT", body: "sample", contentType: "text/plain" });
  return stored.json.id;
}

/** A release of the world's product, by its ID. */
async function releaseOf(w: World): Promise<string> {
  const body = { productId: w.product.id, version: `0.${randomInt(1e9)}.${randomInt(1e9)}` };
  const created = await call("/api/firmware/create", { token: w.boss.token, body });
  const stored = await transfer(created.json.data.url, {
    method: "PUT",
    body: "image",
    contentType: "application/octet-stream",
  });
  return stored.json.id;
}

export const everyVerb: VerbContract[] = [
  ...controllerVerbs.map((v) => v.contract),
  specialVerbs.authLogin.contract,
  specialVerbs.registerDevice.contract,
];

/** Verbs only a device may call (provisioning): reached on /tok with a device token. */
export const deviceOnly = (contract: VerbContract) => contract.allow.every((grant) => grant === "device");

/** Where a verb is called from, and with which credential, to reach its contract. */
export function endpoint(contract: VerbContract, w: World): { path: string; token?: string } {
  if (contract === specialVerbs.authLogin.contract) return { path: "/api/auth" };
  if (contract === specialVerbs.registerDevice.contract)
    return { path: "/builder/device/register", token: w.product.token };
  if (deviceOnly(contract)) return { path: `/tok/${verbPath(contract)}`, token: w.aDeviceToken };
  return { path: `/api/${verbPath(contract)}`, token: contract.allow.includes("public") ? undefined : w.boss.token };
}

/**
 * Every row of every table, for "and nothing changed" (token use and device contact stamps
 * excluded: a device token's call records the device's last contact, at most every 30 s).
 */
export async function snapshot(): Promise<string> {
  const q = db();
  const tables = await Promise.all([
    q.account.findMany({ orderBy: { id: "asc" } }),
    q.user.findMany({ orderBy: { id: "asc" } }),
    q.token.findMany({ orderBy: { id: "asc" }, omit: { lastUsed: true, expires: true } }),
    q.product.findMany({ orderBy: { id: "asc" } }),
    q.device.findMany({ orderBy: { id: "asc" }, omit: { accessed: true } }),
    q.auditEvent.findMany({ orderBy: { id: "asc" } }),
    q.metricSeries.findMany({ orderBy: { id: "asc" } }),
    q.metricRollup.findMany({ orderBy: [{ seriesId: "asc" }, { resolution: "asc" }, { bucket: "asc" }] }),
    q.idempotencyKey.findMany({ orderBy: [{ accountId: "asc" }, { key: "asc" }] }),
    q.$queryRawUnsafe(`SELECT count(*) AS "points", sum("value") AS "total" FROM "MetricPoint"`),
    q.dashboard.findMany({ orderBy: { id: "asc" } }),
    q.pkiCredential.findMany({ orderBy: { name: "asc" } }),
    q.deviceCertificate.findMany({ orderBy: { serial: "asc" } }),
    q.deviceMessage.findMany({ orderBy: { id: "asc" } }),
    q.storedFile.findMany({ orderBy: { id: "asc" } }),
    q.firmwareRelease.findMany({ orderBy: { id: "asc" } }),
    q.updateReport.findMany({ orderBy: { id: "asc" } }),
    q.deviceItem.findMany({ orderBy: { id: "asc" } }),
    q.action.findMany({ orderBy: { id: "asc" } }),
    q.actionSubject.findMany({ orderBy: [{ actionId: "asc" }, { subject: "asc" }] }),
    q.actionRun.findMany({ orderBy: { id: "asc" } }),
    q.delivery.findMany({ orderBy: { id: "asc" } }),
    q.alert.findMany({ orderBy: { id: "asc" } }),
    q.maintenanceWindow.findMany({ orderBy: { id: "asc" } }),
  ]);
  // BigInt columns (epoch milliseconds) as text.
  return JSON.stringify(tables, (_, value: unknown) => (typeof value === "bigint" ? String(value) : value));
}
