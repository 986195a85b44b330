import { countAccounts, findUserByEmail, insertAccount, insertUser, updateUserRow } from "../db/accounts";
import { recordAudit } from "../db/audit";
import { db, transaction } from "../db/client";
import { createTokenRow, revokeToken } from "../db/tokens";
import { env } from "../env";
import { accessDenied, ApiError, authMismatch, badRequest, conflict } from "../errors";
import { newId } from "../ids";
import { requireStrongPassword } from "../security/password-policy";
import { decoyHash, hashPassword, verifyPassword } from "../security/passwords";
import { hashSecret, newSecret, secretPrefix } from "../security/secrets";
import { TOKEN_PREFIX } from "./authenticate";
import { actorOf, auditEntry, type CallContext } from "./context";
import { createFleetDashboard } from "./dashboards";
import { loginThrottle } from "./login-throttle";
import { accountView, userView } from "./views";

// account/create — sign-up. The first account of a deployment is the owner's; later creators are
// admins of their own account. With SIGNUP=closed only the owner creates accounts.
export async function signUp(ctx: CallContext, input: { name: string; email: string; password: string }) {
  const callerIsOwner = ctx.principal && "role" in ctx.principal && ctx.principal.role === "owner";
  requireStrongPassword("password", input.password, [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    const first = (await countAccounts(tx)) === 0;
    if (!first && env().signup === "closed" && !callerIsOwner) {
      throw accessDenied("Sign-up is closed on this deployment: ask its owner for an invite");
    }
    if (await findUserByEmail(tx, input.email)) throw conflict("An account with this email already exists");
    const account = await insertAccount(tx, { id: newId(), name: input.name });
    const user = await insertUser(tx, {
      id: newId(),
      accountId: account.id,
      email: input.email,
      role: first ? "owner" : "admin",
      passwordHash,
      status: "active",
    });
    await createFleetDashboard(tx, account.id);
    const actor = ctx.principal ? actorOf(ctx) : { kind: "user", id: user.id, label: user.email };
    await recordAudit(tx, {
      accountId: account.id,
      actor,
      action: "account.create",
      target: account.id,
      address: ctx.address,
      requestId: ctx.requestId,
    });
    return { account: accountView(account), user: userView(user) };
  });
}

/** A login access token is bound to the Origin that obtained it, which must be allowed. */
export function requireLoginOrigin(origin: string | null): string {
  if (!origin) throw badRequest("The Origin header is required to obtain a login access token");
  if (!env().allowedOrigins.has(origin)) throw authMismatch(`Origin ${origin} is not allowed for this cloud`);
  return origin;
}

export async function mintLoginToken(
  q: Parameters<typeof createTokenRow>[0],
  user: { id: string; accountId: string; role: string },
  origin: string,
  now = new Date(),
) {
  const token = newSecret(TOKEN_PREFIX.login);
  const expires = new Date(now.getTime() + env().sessionIdleMs);
  await createTokenRow(q, {
    id: newId(),
    accountId: user.accountId,
    userId: user.id,
    kind: "login",
    name: "login",
    role: user.role,
    prefix: secretPrefix(token),
    hash: hashSecret(token),
    origin,
    expires,
  });
  return { token, expires: expires.toISOString() };
}

// POST /api/auth — email and password for a login access token bound to the request's Origin.
export async function login(ctx: CallContext, input: { email: string; password: string }) {
  const origin = requireLoginOrigin(ctx.origin);
  loginThrottle.reserve(input.email, ctx.address);
  const user = await findUserByEmail(db(), input.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  const audit = { address: ctx.address, requestId: ctx.requestId, target: input.email };
  if (!user || !valid || user.status !== "active") {
    await recordAudit(db(), {
      ...audit,
      accountId: user?.accountId ?? null,
      actor: { kind: "user", id: user?.id ?? "", label: input.email },
      action: "auth.login_failed",
    });
    throw invalidCredentials();
  }
  loginThrottle.succeeded(input.email, ctx.address);
  return transaction(async (tx) => {
    const now = new Date();
    const session = await mintLoginToken(tx, user, origin, now);
    const updated = await updateUserRow(tx, user.id, { lastLogin: now });
    await recordAudit(tx, {
      ...audit,
      accountId: user.accountId,
      actor: { kind: "user", id: user.id, label: user.email },
      action: "auth.login",
    });
    return { ...session, user: userView(updated) };
  });
}

const invalidCredentials = () => new ApiError("invalid_token", "Invalid email or password");

// user/logout — the calling login access token dies at once.
export async function logout(ctx: CallContext) {
  const p = ctx.principal;
  if (p?.kind !== "user") throw authMismatch("Only a login access token can sign out");
  await transaction(async (tx) => {
    await revokeToken(tx, { id: p.tokenId }, new Date());
    await recordAudit(tx, { ...auditEntry(ctx, "auth.logout", p.userId), accountId: p.accountId });
  });
  return { loggedOut: true as const };
}
