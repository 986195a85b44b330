import Link from "next/link";
import type { AlertView } from "@/lib/contracts/alert";
import { Time } from "../ui/time";
import { AlertState } from "./alert-state";
import { SeverityBadge } from "./severity";

interface AlertRowsProps {
  alerts: AlertView[];
  /** Null when the reader may not change alerts: no checkboxes then. */
  selected: ReadonlySet<string> | null;
  onToggle: (id: string) => void;
}

// Severity, the alert and its last raise stay on a phone; the device, state and count are detail.
export function AlertRows({ alerts, selected, onToggle }: AlertRowsProps) {
  return (
    <tbody>
      {alerts.map((alert) => (
        <tr key={alert.id} className="border-t border-slate-200 align-top">
          {selected && (
            <td className="px-3 py-2">
              <input
                type="checkbox"
                className="size-4"
                checked={selected.has(alert.id)}
                onChange={() => onToggle(alert.id)}
                aria-label={`Select ${alert.name}`}
              />
            </td>
          )}
          <td className="px-3 py-2">
            <SeverityBadge severity={alert.severity} />
          </td>
          <td className="px-3 py-2 [overflow-wrap:anywhere]">
            <Link href={`/alerts/${alert.id}`} className="font-medium text-brand-dark underline">
              {alert.name}
            </Link>
            {(alert.subject || alert.message) && (
              <p className="text-xs text-muted">{[alert.subject, alert.message].filter(Boolean).join(" — ")}</p>
            )}
          </td>
          <td className="hidden px-3 py-2 font-mono md:table-cell">
            {alert.deviceId ? (
              <Link href={`/devices/${alert.deviceId}`} className="text-brand-dark underline">
                {alert.deviceId}
              </Link>
            ) : (
              <span className="font-sans text-muted">fleet</span>
            )}
          </td>
          <td className="hidden px-3 py-2 sm:table-cell">
            <AlertState alert={alert} />
          </td>
          <td className="hidden px-3 py-2 text-right tabular-nums lg:table-cell">{alert.count}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            <Time value={alert.updated} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
