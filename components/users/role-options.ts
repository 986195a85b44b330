import { ACCOUNT_ROLES, roleAllows, type AccountRole } from "@/lib/contracts/verb";

// The API refuses to grant a role above the caller's own, so the portal never offers one.
export function grantableRoles(own: AccountRole): ReadonlyArray<{ value: AccountRole; label: string }> {
  return ACCOUNT_ROLES.filter((role) => roleAllows(own, [role])).map((role) => ({
    value: role,
    label: role.charAt(0).toUpperCase() + role.slice(1),
  }));
}
