import type { AuditView } from "@/lib/contracts/audit";
import { ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";

const CELL = "px-3 py-2 align-top";

const COLUMNS = [
  ["Time", ""],
  ["Action", ""],
  ["Actor", ""],
  ["Target", ""],
  ["Address", ""],
  ["Request ID", ""],
] as const;

function Actor({ event }: { event: AuditView }) {
  return (
    <>
      {event.actor.label || <span className="text-muted">unknown</span>}
      <span className="block text-xs text-muted">{event.actor.kind}</span>
    </>
  );
}

/**
 * One page of the trail, every entry whole at any width: a table where its six columns fit (lg
 * up), and below that one card per entry, its fields stacked.
 */
export function AuditTable({ events }: { events: AuditView[] }) {
  return (
    <>
      <div className="hidden lg:block">
        <DataTable caption="Audit events, newest first" head={<ColumnHeads columns={COLUMNS} />}>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-t border-slate-200">
                <td className={`${CELL} whitespace-nowrap`}>
                  <Time value={event.created} />
                </td>
                <td className={`${CELL} font-mono text-xs whitespace-nowrap`}>{event.action}</td>
                <td className={`${CELL} break-all`}>
                  <Actor event={event} />
                </td>
                <td className={`${CELL} break-all`}>{event.target || "—"}</td>
                <td className={`${CELL} font-mono text-xs`}>{event.address || "—"}</td>
                <td className={`${CELL} font-mono text-xs`}>{event.requestId || "—"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
      <ol aria-label="Audit events, newest first" className="space-y-2 lg:hidden">
        {events.map((event) => (
          <li key={event.id} className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="font-mono text-xs font-semibold">{event.action}</span>
              <span className="text-xs text-muted">
                <Time value={event.created} />
              </span>
            </div>
            <dl className="mt-1 grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-2 gap-y-0.5">
              <dt className="text-muted">Actor</dt>
              <dd className="break-all">
                <Actor event={event} />
              </dd>
              <dt className="text-muted">Target</dt>
              <dd className="break-all">{event.target || "—"}</dd>
              <dt className="text-muted">Address</dt>
              <dd className="font-mono text-xs break-all">{event.address || "—"}</dd>
              <dt className="text-muted">Request ID</dt>
              <dd className="font-mono text-xs break-all">{event.requestId || "—"}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </>
  );
}
