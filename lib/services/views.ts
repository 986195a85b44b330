import type { DeviceRecord } from "../db/devices";

// Row → API shape. Every answer is then parsed by its verb's output schema, which drops any
// column not named there, so private columns (hashes, encrypted tokens) cannot leak.
/** A time as the API writes it, or null. */
export const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function accountView(row: {
  id: string;
  name: string;
  deviceLimit: number | null;
  created: Date;
  updated: Date;
}) {
  return { ...row, created: row.created.toISOString(), updated: row.updated.toISOString() };
}

export function userView(row: {
  id: string;
  accountId: string;
  email: string;
  role: string;
  first: string;
  last: string;
  preferences: string;
  status: string;
  lastLogin: Date | null;
  created: Date;
  updated: Date;
}) {
  return {
    ...row,
    preferences: JSON.parse(row.preferences) as Record<string, unknown>,
    lastLogin: iso(row.lastLogin),
    created: row.created.toISOString(),
    updated: row.updated.toISOString(),
  };
}

export function tokenView(row: {
  id: string;
  name: string;
  role: string;
  prefix: string;
  expires: Date | null;
  lastUsed: Date | null;
  created: Date;
}) {
  return { ...row, expires: iso(row.expires), lastUsed: iso(row.lastUsed), created: row.created.toISOString() };
}

export function deviceView(row: DeviceRecord) {
  return {
    ...row,
    product: row.product.name,
    registered: row.registered.toISOString(),
    created: iso(row.created),
    accessed: iso(row.accessed),
    updated: row.updated.toISOString(),
  };
}

export function auditView(row: {
  id: string;
  accountId: string | null;
  actorKind: string;
  actorId: string;
  actorLabel: string;
  action: string;
  target: string;
  address: string;
  requestId: string;
  created: Date;
}) {
  return {
    ...row,
    actor: { kind: row.actorKind, id: row.actorId, label: row.actorLabel },
    created: row.created.toISOString(),
  };
}
