"use client";
import type { UserView } from "@/lib/contracts/user";
import { roleAllows, type AccountRole } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { Time } from "../ui/time";
import { RoleCell } from "./role-cell";

const STATUS = { active: "bg-green-100 text-green-900", invited: "bg-amber-100 text-amber-950" } as const;

interface UserRowsProps {
  users: UserView[];
  ownId: string;
  ownRole: AccountRole;
  isAdmin: boolean;
  onRemove: (user: UserView) => void;
}

// Controls show only where the API would allow them: an admin, not on their own row, and never on
// a role above theirs (an admin cannot touch the owner).
export function UserRows({ users, ownId, ownRole, isAdmin, onRemove }: UserRowsProps) {
  return (
    <tbody>
      {users.map((user) => {
        // Never your own row, nor anyone above you (an admin cannot touch the owner).
        const manageable = isAdmin && user.id !== ownId && roleAllows(ownRole, [user.role]);
        const name = `${user.first} ${user.last}`.trim();
        return (
          <tr key={user.id} className="border-t border-slate-200">
            <td className="px-3 py-2 break-all">
              {user.email}
              {user.id === ownId && <span className="ml-2 text-xs text-muted">(you)</span>}
            </td>
            <td className="hidden px-3 py-2 md:table-cell">{name || <span className="text-muted">—</span>}</td>
            <td className="px-3 py-2">
              {manageable ? <RoleCell key={user.role} user={user} ownRole={ownRole} /> : user.role}
            </td>
            <td className="hidden px-3 py-2 sm:table-cell">
              <span className={`rounded px-2 py-0.5 text-xs ${STATUS[user.status]}`}>{user.status}</span>
            </td>
            <td className="hidden px-3 py-2 md:table-cell">
              <Time value={user.lastLogin} never="Never" />
            </td>
            {isAdmin && (
              <td className="px-3 py-2 text-right">
                {manageable && (
                  <Button look="danger" aria-label={`Remove ${user.email}`} onClick={() => onRemove(user)}>
                    Remove
                  </Button>
                )}
              </td>
            )}
          </tr>
        );
      })}
    </tbody>
  );
}
