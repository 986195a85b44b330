import type { ListQuery } from "./client";

// One query-key factory per controller (formbricks' habit): pages read with these keys and
// mutations invalidate exactly the keys they change.

function keysFor<const Name extends string>(name: Name) {
  return {
    /** Every read of the controller: what one invalidation after a change reaches. */
    all: () => [name] as const,
    lists: () => [name, "list"] as const,
    list: (filters: Record<string, unknown>, query: ListQuery) => [name, "list", filters, query] as const,
    detail: (id: string) => [name, "detail", id] as const,
  };
}

export const deviceKeys = keysFor("device");
export const tokenKeys = keysFor("token");
export const userKeys = keysFor("user");
export const productKeys = keysFor("product");
export const auditKeys = keysFor("audit");
export const dashboardKeys = keysFor("dashboard");
export const storeKeys = keysFor("store");
/** Generic items of every model (Log, Command…): a list's filters carry the model and the device. */
export const genericKeys = keysFor("generic");
export const fileKeys = keysFor("file");
/** Every alert read starts with "alert": one invalidation of `all()` after a change reaches the lists, details and badge. */
export const alertKeys = {
  ...keysFor("alert"),
  /** alert/summary: the navigation's badge. */
  summary: () => ["alert", "summary"] as const,
};
export const actionKeys = {
  ...keysFor("action"),
  /** An action's runs (action/runs), one page per query. */
  runs: (id: string, query: ListQuery) => ["action", "runs", id, query] as const,
  /** The form's preview (action/preview), keyed by the settings it was asked for. */
  preview: (settings: Record<string, unknown>) => ["action", "preview", settings] as const,
};
export const maintenanceKeys = keysFor("maintenance");
export const firmwareKeys = {
  ...keysFor("firmware"),
  /** The devices' latest update reports (firmware/reports), one page per query. */
  reports: (filters: Record<string, unknown>, query: ListQuery) => ["firmware", "reports", filters, query] as const,
};
/** A device's certificates (device/getCertificates), apart from the device itself, which is polled. */
export const certificateKeys = { device: (deviceId: string) => ["certificate", deviceId] as const };
/** Chart reads are keyed by the exact items asked, so each range, period and device is cached apart. */
export const metricKeys = {
  all: () => ["metric"] as const,
  fetch: (items: readonly unknown[]) => ["metric", "fetch", items] as const,
  list: (filter: Record<string, unknown>) => ["metric", "list", filter] as const,
  /** A device's latest values (metric/latest); refetched while its page is open. */
  latest: (deviceId: string) => ["metric", "latest", deviceId] as const,
};
