import { ACCOUNT_ROLES, roleRank, type AccountRole } from "@/lib/contracts/verb";

// The API refuses to grant a role above the caller's own, so the portal never offers one.
export function grantableRoles(own: AccountRole): ReadonlyArray<{ value: AccountRole; label: string }> {
  return ACCOUNT_ROLES.filter((role) => roleRank(role) <= roleRank(own)).map((role) => ({
    value: role,
    label: role.charAt(0).toUpperCase() + role.slice(1),
  }));
}

/** Whether `own` may change or remove someone holding `theirs` (an admin cannot touch the owner). */
export const outranksOrEquals = (own: AccountRole, theirs: AccountRole) => roleRank(own) >= roleRank(theirs);
