import { findUsers as findUsersContract } from "../contracts/user";
import { roleRank, type AccountRole } from "../contracts/verb";
import {
  countAdmins,
  deleteUserRow,
  findUser,
  findUserByEmail,
  findUserByInviteHash,
  findUsersPage,
  insertUser,
  updateUserRow,
} from "../db/accounts";
import { recordAudit } from "../db/audit";
import { db, transaction } from "../db/client";
import { filterWhere, textWhere } from "../db/list";
import { all, equal } from "../db/where";
import { revokeOtherSessions } from "../db/tokens";
import { env } from "../env";
import { accessDenied, ApiError, conflict, notFound } from "../errors";
import { newId } from "../ids";
import { requireStrongPassword } from "../security/password-policy";
import { hashPassword, verifyPassword } from "../security/passwords";
import { hashSecret, newSecret } from "../security/secrets";
import { accountCaller, auditEntry, type CallContext } from "./context";
import { mintLoginToken, requireLoginOrigin } from "./identity";
import { userView } from "./views";

const INVITE_DAYS = 7;

async function userOrThrow(ctx: CallContext, id: string) {
  const user = await findUser(db(), ctx.accountId, id);
  if (!user) throw notFound("Cannot find user");
  return user;
}

function assertCanGrant(ctx: CallContext, role: AccountRole): void {
  const caller = accountCaller(ctx);
  if (roleRank(role) > roleRank(caller.role))
    throw accessDenied(`You cannot grant a role above your own (${caller.role})`);
}

// user/create — an invited user and a one-time link (shown once; only its hash is stored).
export async function inviteUser(ctx: CallContext, input: { email: string; role: AccountRole }) {
  assertCanGrant(ctx, input.role);
  if (await findUserByEmail(db(), input.email)) throw conflict("A user with this email already exists");
  const secret = newSecret("inv_");
  const inviteExpires = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  return transaction(async (tx) => {
    const user = await insertUser(tx, {
      id: newId(),
      accountId: ctx.accountId,
      email: input.email,
      role: input.role,
      passwordHash: null,
      status: "invited",
      inviteHash: hashSecret(secret),
      inviteExpires,
    });
    await recordAudit(tx, auditEntry(ctx, "user.invite", `${user.id} ${user.email}`));
    return {
      user: userView(user),
      invite: `${env().appOrigin}/invite?token=${secret}`,
      inviteExpires: inviteExpires.toISOString(),
    };
  });
}

/** The invite link or its bare token are both accepted. */
const inviteSecret = (invite: string) => invite.match(/token=([^&\s]+)/)?.[1] ?? invite;

// user/login — accept an invite: choose a password and receive a login access token.
export async function acceptInvite(ctx: CallContext, input: { invite: string; password: string }) {
  const origin = requireLoginOrigin(ctx.origin);
  const user = await findUserByInviteHash(db(), hashSecret(inviteSecret(input.invite)));
  if (!user || !user.inviteExpires || user.inviteExpires <= new Date())
    throw new ApiError("invalid_token", "This invite is invalid, used or expired");
  requireStrongPassword("password", input.password, [user.email, user.first, user.last]);
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    const now = new Date();
    const joined = await updateUserRow(tx, user.id, {
      passwordHash,
      status: "active",
      inviteHash: null,
      inviteExpires: null,
      lastLogin: now,
    });
    const session = await mintLoginToken(tx, joined, origin, now);
    await recordAudit(tx, {
      ...auditEntry(ctx, "user.join", `${user.id} ${user.email}`),
      accountId: user.accountId,
      actor: { kind: "user", id: user.id, label: user.email },
    });
    return { ...session, user: userView(joined) };
  });
}

export async function findUsers(ctx: CallContext, input: Record<string, unknown>) {
  const where = all(
    equal({ accountId: ctx.accountId }),
    filterWhere(input, findUsersContract.filters),
    textWhere(ctx.page?.text, findUsersContract.textFields),
  );
  const page = await findUsersPage(db(), where, ctx.page!);
  return { ...page, items: page.items.map(userView) };
}

export const getUser = async (ctx: CallContext, input: { id: string }) => userView(await userOrThrow(ctx, input.id));

// user/update — one's own names and preferences, or anyone's for an admin.
export async function updateUser(
  ctx: CallContext,
  input: { id: string; first?: string; last?: string; preferences?: Record<string, unknown> },
) {
  const caller = accountCaller(ctx);
  const user = await userOrThrow(ctx, input.id);
  if (user.id !== caller.userId && roleRank(caller.role) < roleRank("admin"))
    throw accessDenied("You may only update your own profile");
  const preferences = input.preferences === undefined ? undefined : JSON.stringify(input.preferences);
  return userView(await updateUserRow(db(), user.id, { first: input.first, last: input.last, preferences }));
}

// user/updateRole — never above the caller's own role; the owner's role is not an admin's to change.
export async function updateUserRole(ctx: CallContext, input: { id: string; role: AccountRole }) {
  const caller = accountCaller(ctx);
  const user = await userOrThrow(ctx, input.id);
  assertCanGrant(ctx, input.role);
  if (user.role === "owner" && caller.role !== "owner") throw accessDenied("Only the owner changes the owner's role");
  if (user.id === caller.userId) throw conflict("You cannot change your own role");
  return transaction(async (tx) => {
    const updated = await updateUserRow(tx, user.id, { role: input.role });
    await recordAudit(tx, auditEntry(ctx, "user.role", `${user.id} ${user.email} ${user.role}→${input.role}`));
    return userView(updated);
  });
}

// user/remove — the user and every token they hold die in one transaction.
export async function removeUser(ctx: CallContext, input: { id: string }) {
  const caller = accountCaller(ctx);
  const user = await userOrThrow(ctx, input.id);
  if (user.role === "owner" && caller.role !== "owner") throw accessDenied("Only the owner removes the owner");
  return transaction(async (tx) => {
    if (["admin", "owner"].includes(user.role) && (await countAdmins(tx, ctx.accountId)) <= 1) {
      throw conflict("This is the account's last admin: make someone else admin first");
    }
    await deleteUserRow(tx, user.id);
    await recordAudit(tx, auditEntry(ctx, "user.remove", `${user.id} ${user.email}`));
    return { id: user.id, removed: true as const };
  });
}

// user/changePassword — the caller's own; every other session of theirs ends.
export async function changePassword(ctx: CallContext, input: { password: string; newPassword: string }) {
  const caller = accountCaller(ctx);
  if (!caller.userId) throw accessDenied("This token belongs to no user");
  const user = await userOrThrow(ctx, caller.userId);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
    throw accessDenied("The current password is not correct");
  }
  requireStrongPassword("newPassword", input.newPassword, [user.email, user.first, user.last]);
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash });
    await revokeOtherSessions(tx, user.id, caller.kind === "user" ? caller.tokenId : null, new Date());
    await recordAudit(tx, auditEntry(ctx, "auth.password_change", `${user.id} ${user.email}`));
  });
  return { changed: true as const };
}
