import type { z } from "zod";
import type { auditView } from "@/lib/contracts/audit";
import { formatTime } from "../devices/format";
import { ColumnHeads, DataTable } from "../ui/table";

type AuditView = z.infer<typeof auditView>;

const CELL = "px-3 py-2 align-top";

const COLUMNS = [
  ["Time", ""],
  ["Action", ""],
  ["Actor", ""],
  ["Target", "hidden sm:table-cell"],
  ["Address", "hidden md:table-cell"],
  ["Request ID", "hidden lg:table-cell"],
] as const;

/** One page of the trail. Time, action and actor stay on a phone; the rest shows from md up. */
export function AuditTable({ events }: { events: AuditView[] }) {
  return (
    <DataTable caption="Audit events, newest first" head={<ColumnHeads columns={COLUMNS} />}>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} className="border-t border-slate-200">
            <td className={`${CELL} whitespace-nowrap`}>
              <time dateTime={event.created}>{formatTime(event.created)}</time>
            </td>
            <td className={`${CELL} font-mono text-xs whitespace-nowrap`}>{event.action}</td>
            <td className={`${CELL} break-all`}>
              {event.actor.label || <span className="text-muted">unknown</span>}
              <span className="block text-xs text-muted">{event.actor.kind}</span>
            </td>
            <td className={`${CELL} hidden break-all sm:table-cell`}>{event.target || "—"}</td>
            <td className={`${CELL} hidden font-mono text-xs md:table-cell`}>{event.address || "—"}</td>
            <td className={`${CELL} hidden font-mono text-xs lg:table-cell`}>{event.requestId || "—"}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
