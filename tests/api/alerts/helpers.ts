import { expect } from "vitest";
import { call, unique } from "../client";
import type { Session } from "../fixtures";

// Shared steps of the alert and maintenance suites: each makes new data through the API.

export interface AlertBody {
  name?: string;
  deviceId?: string;
  subject?: string;
  message?: string;
  severity?: string;
  seq?: string;
  context?: Record<string, unknown>;
}

/** Raises an alert as the session (an admin); answers the alert. */
export async function raiseVia(session: Session, body: AlertBody = {}) {
  const answer = await call("/api/alert/create", { token: session.token, body: { name: unique("alert"), ...body } });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data;
}

/** The IDs alert/find answers for a body and query string. */
export async function alertIds(session: Session, body: Record<string, unknown> = {}, query?: string) {
  const answer = await call("/api/alert/find", { token: session.token, body, query });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data.map((alert: { id: string }) => alert.id) as string[];
}

export async function getAlert(session: Session, id: string) {
  const answer = await call("/api/alert/get", { token: session.token, body: { id } });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data;
}

export const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** Opens a maintenance window as the session (an admin); answers the window. */
export async function openWindow(session: Session, body: Record<string, unknown>) {
  const answer = await call("/api/maintenance/create", {
    token: session.token,
    body: { until: inHours(1), reason: "Planned work", ...body },
  });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.data;
}

/** The account's audit trail as "action target" lines. */
export async function auditLines(session: Session): Promise<string[]> {
  const audit = await call("/api/audit/find", { token: session.token, query: "limit=1000" });
  return audit.json.data.map((entry: { action: string; target: string }) => `${entry.action} ${entry.target}`);
}
