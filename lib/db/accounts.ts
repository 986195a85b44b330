import type { PageRequest } from "../paging";
import type { Queryable } from "./client";
import { listPage, prismaList } from "./list";
import type { Where } from "./where";

export const countAccounts = (q: Queryable) => q.account.count();
export const findAccount = (q: Queryable, id: string) => q.account.findUnique({ where: { id } });
export const insertAccount = (q: Queryable, data: { id: string; name: string }) => q.account.create({ data });
export const updateAccountRow = (q: Queryable, id: string, data: { name?: string; deviceLimit?: number | null }) =>
  q.account.update({ where: { id }, data });
export const deleteAccountRow = (q: Queryable, id: string) => q.account.delete({ where: { id } });
export const findAccountsPage = (q: Queryable, where: Where, page: PageRequest) =>
  listPage(
    page,
    where,
    prismaList(
      (args) => q.account.findMany(args),
      (args) => q.account.count(args),
    ),
  );

export const findUserByEmail = (q: Queryable, email: string) => q.user.findUnique({ where: { email } });
export const findUser = (q: Queryable, accountId: string, id: string) => q.user.findFirst({ where: { id, accountId } });
export const insertUser = (
  q: Queryable,
  data: {
    id: string;
    accountId: string;
    email: string;
    role: string;
    passwordHash: string | null;
    status: string;
    inviteHash?: string | null;
    inviteExpires?: Date | null;
  },
) => q.user.create({ data });
export const updateUserRow = (q: Queryable, id: string, data: Record<string, unknown>) =>
  q.user.update({ where: { id }, data });
export const findUsersPage = (q: Queryable, where: Where, page: PageRequest) =>
  listPage(
    page,
    where,
    prismaList(
      (args) => q.user.findMany(args),
      (args) => q.user.count(args),
    ),
  );
export const findUserByInviteHash = (q: Queryable, inviteHash: string) => q.user.findUnique({ where: { inviteHash } });
/** Their tokens go with them (cascade): a removed user's sessions and CloudAPI tokens die at once. */
export const deleteUserRow = (q: Queryable, id: string) => q.user.delete({ where: { id } });
export const countAdmins = (q: Queryable, accountId: string) =>
  q.user.count({ where: { accountId, role: { in: ["admin", "owner"] }, status: "active" } });
export const accountHasOwner = async (q: Queryable, accountId: string) =>
  (await q.user.count({ where: { accountId, role: "owner" } })) > 0;
