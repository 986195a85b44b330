import Database from "better-sqlite3";
import { env } from "../env";

// Hot reads on SQLite through prepared better-sqlite3 statements on a second connection (WAL lets
// readers run beside the writer). Every authenticated request resolves its token, and device
// reads are the API's most frequent verbs; Prisma's per-query overhead there was most of the
// request time (npm run bench:api, docs/decisions/006). Other engines return undefined and the
// caller uses Prisma.

let reader: Database.Database | null | undefined;

function sqlite(): Database.Database | null {
  if (reader === undefined) {
    const { engine, databaseUrl } = env();
    reader = engine === "sqlite" ? new Database(databaseUrl.replace(/^file:/, ""), { timeout: 10_000 }) : null;
    reader?.pragma("query_only = true");
  }
  return reader;
}

const statements = new Map<string, Database.Statement>();
function prepared(sql: string): Database.Statement | undefined {
  const database = sqlite();
  if (!database) return undefined;
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = database.prepare(sql)));
  return statement;
}

const date = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(value as string | number);

export interface TokenRecord {
  id: string;
  kind: string;
  role: string;
  accountId: string;
  userId: string | null;
  deviceId: string | null;
  name: string;
  origin: string | null;
  expires: Date | null;
  lastUsed: Date | null;
  revoked: Date | null;
  user: { role: string; email: string } | null;
}

const TOKEN_SQL = `SELECT t.id, t.kind, t.role, t.accountId, t.userId, t.deviceId, t.name, t.origin, t.expires, t.lastUsed,
  t.revoked, u.role AS userRole, u.email AS userEmail FROM "Token" t LEFT JOIN "User" u ON u.id = t.userId WHERE t.hash = ?`;

/** undefined: not on this engine; null: no such token. */
export function sqliteTokenByHash(hash: string): TokenRecord | null | undefined {
  const statement = prepared(TOKEN_SQL);
  if (!statement) return undefined;
  const row = statement.get(hash) as Record<string, string | null> | undefined;
  if (!row) return null;
  return {
    id: row.id!,
    kind: row.kind!,
    role: row.role!,
    accountId: row.accountId!,
    userId: row.userId ?? null,
    deviceId: row.deviceId ?? null,
    name: row.name ?? "",
    origin: row.origin ?? null,
    expires: date(row.expires),
    lastUsed: date(row.lastUsed),
    revoked: date(row.revoked),
    user: row.userRole ? { role: row.userRole, email: row.userEmail ?? "" } : null,
  };
}

export interface DeviceRecord {
  id: string;
  name: string;
  description: string;
  model: string;
  productId: string;
  accountId: string | null;
  test: boolean;
  version: string;
  checked: string;
  state: string;
  connection: string;
  registered: Date;
  created: Date | null;
  accessed: Date | null;
  updated: Date;
  product: { name: string };
}

const DEVICE_SQL = `SELECT d.*, p.name AS productName FROM "Device" d JOIN "Product" p ON p.id = d.productId
  WHERE d.id = ? AND d.accountId = ?`;

export function toDeviceRecord(row: Record<string, unknown>): DeviceRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    description: row.description as string,
    model: row.model as string,
    productId: row.productId as string,
    accountId: (row.accountId as string | null) ?? null,
    test: Boolean(row.test),
    version: row.version as string,
    checked: row.checked as string,
    state: row.state as string,
    connection: row.connection as string,
    registered: date(row.registered)!,
    created: date(row.created),
    accessed: date(row.accessed),
    updated: date(row.updated)!,
    product: { name: row.productName as string },
  };
}

/** undefined: not on this engine; null: no such device in that account. */
export function sqliteAccountDevice(accountId: string, id: string): DeviceRecord | null | undefined {
  const statement = prepared(DEVICE_SQL);
  if (!statement) return undefined;
  const row = statement.get(id, accountId) as Record<string, unknown> | undefined;
  return row ? toDeviceRecord(row) : null;
}

/** SQLite keeps DateTime as ISO text with a +00:00 offset: compare in that form. */
const sqliteTime = (iso: string) => iso.replace("Z", "+00:00");

/** An account's devices in (created, id) order from a cursor key; undefined when not SQLite. */
export function sqliteDeviceRows(
  accountId: string,
  afterCreated: string | null | undefined,
  afterId: string | undefined,
  ascending: boolean,
  take: number,
): DeviceRecord[] | undefined {
  const after = afterId === undefined ? undefined : { created: afterCreated ?? new Date(0).toISOString(), id: afterId };
  const [cmp, sort] = ascending ? [">", "ASC"] : ["<", "DESC"];
  const keyset = after ? `AND (d.created ${cmp} ? OR (d.created = ? AND d.id ${cmp} ?))` : "";
  const statement = prepared(`SELECT d.*, p.name AS productName FROM "Device" d JOIN "Product" p ON p.id = d.productId
    WHERE d.accountId = ? ${keyset} ORDER BY d.created ${sort}, d.id ${sort} LIMIT ?`);
  if (!statement) return undefined;
  const params = after
    ? [accountId, sqliteTime(after.created), sqliteTime(after.created), after.id, take]
    : [accountId, take];
  return (statement.all(...params) as Array<Record<string, unknown>>).map(toDeviceRecord);
}

export function closeHotPath(): void {
  reader?.close();
  reader = undefined;
  statements.clear();
}
