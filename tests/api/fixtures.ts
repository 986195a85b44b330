import { expect } from "vitest";
import { call, claimId, unique } from "./client";

// Per-test data: every helper makes new, uniquely named rows. The first account of a database is
// the deployment owner's, so owner() runs first in each file (its database is the file's own).

export interface Session {
  token: string;
  accountId: string;
  userId: string;
  email: string;
}

/** Every fixture user's password: strong enough for the password policy. */
export const PASSWORD = "correct horse battery";

export async function signUp(name = unique("acct")): Promise<Session> {
  const email = `${unique("user")}@example.test`;
  const created = await call("/api/account/create", { body: { name, email, password: PASSWORD } });
  expect(created.status, created.text).toBe(200);
  const login = await call("/api/auth", { body: { email, password: PASSWORD } });
  expect(login.status, login.text).toBe(200);
  return {
    token: login.json.data.token,
    accountId: created.json.data.account.id,
    userId: created.json.data.user.id,
    email,
  };
}

let ownerSession: Promise<Session> | undefined;
export function owner(): Promise<Session> {
  ownerSession ??= signUp("Deployment owner");
  return ownerSession;
}

/** An ordinary tenant: an admin of a new account. */
export async function tenant(): Promise<Session> {
  await owner();
  return signUp();
}

export async function product(): Promise<{ id: string; token: string }> {
  const created = await call("/api/product/create", {
    token: (await owner()).token,
    body: { name: unique("product") },
  });
  expect(created.status, created.text).toBe(200);
  return { id: created.json.data.id, token: created.json.data.token };
}

/** A device registered by its agent, waiting in the pool. */
export async function registeredDevice(productToken?: string): Promise<string> {
  const token = productToken ?? (await product()).token;
  const id = claimId();
  const answer = await call("/builder/device/register", { token, body: { id, product: token, created: 0 } });
  expect(answer.json).toEqual({ registered: true });
  return id;
}

export async function claimedDevice(session: Session): Promise<string> {
  const id = await registeredDevice();
  const claimed = await call("/api/device/claim", { token: session.token, body: { id } });
  expect(claimed.status, claimed.text).toBe(200);
  return id;
}

export async function cloudToken(session: Session, role = "admin"): Promise<string> {
  const created = await call("/api/token/create", { token: session.token, body: { name: unique("token"), role } });
  expect(created.status, created.text).toBe(200);
  return created.json.data.token;
}

/** A claimed device (of a new product, or of the one whose token is given) and the device token its next register poll hands it. */
export async function deviceWithToken(session: Session, productToken?: string): Promise<{ id: string; token: string }> {
  productToken ??= (await product()).token;
  const id = await registeredDevice(productToken);
  const claimed = await call("/api/device/claim", { token: session.token, body: { id } });
  expect(claimed.status, claimed.text).toBe(200);
  const answer = await call("/builder/device/register", { token: productToken, body: { id } });
  expect(answer.json.token, answer.text).toBeTruthy();
  return { id, token: answer.json.token };
}
