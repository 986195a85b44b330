import { expect } from "vitest";
import { call, unique } from "../client";
import type { Session } from "../fixtures";

// Actions made through the API for the action tests.

export interface CreatedAction {
  id: string;
  name: string;
  secret: string;
  [field: string]: unknown;
}

export async function createAction(session: Session, body: Record<string, unknown> = {}): Promise<CreatedAction> {
  const created = await call("/api/action/create", {
    token: session.token,
    body: { name: unique("action"), trigger: "manual", type: "alert", ...body },
  });
  expect(created.status, created.text).toBe(200);
  return created.json.data;
}

export async function invoke(session: Session, name: string, context: Record<string, unknown> = {}) {
  const invoked = await call("/api/action/invoke", { token: session.token, body: { name, context } });
  expect(invoked.status, invoked.text).toBe(200);
  return invoked.json.data;
}

export async function auditTrail(session: Session): Promise<string[]> {
  const audit = await call("/api/audit/find", { token: session.token });
  return audit.json.data.map((entry: { action: string; target: string }) => `${entry.action} ${entry.target}`);
}
