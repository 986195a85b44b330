import type { z } from "zod";
import type { auditView } from "@/lib/contracts/audit";
import { formatTime } from "../devices/format";

type AuditView = z.infer<typeof auditView>;

const CELL = "px-3 py-2 align-top";

/** One page of the trail. Time, action and actor stay on a phone; the rest shows from md up. */
export function AuditTable({ events }: { events: AuditView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Time
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Actor
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
              Target
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
              Address
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium lg:table-cell">
              Request ID
            </th>
          </tr>
        </thead>
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
      </table>
    </div>
  );
}
