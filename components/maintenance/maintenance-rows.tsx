import type { MaintenanceView } from "@/lib/contracts/maintenance";
import { Button } from "../ui/button";
import { Time } from "../ui/time";

/** What a window silences, in words: "Device A1B2C3", "Product P1", "The whole account". */
export function scopeLabel(item: Pick<MaintenanceView, "scope" | "targetId">): string {
  if (item.scope === "account") return "The whole account";
  return `${item.scope === "device" ? "Device" : "Product"} ${item.targetId}`;
}

function status(item: MaintenanceView, now: number): string {
  if (item.active) return "Active";
  return Date.parse(item.starts) > now ? "Scheduled" : "Ended";
}

// What, until when and why stay on a phone; the start and the author are detail.
export function MaintenanceRows({
  items,
  onRemove,
  now,
}: {
  items: MaintenanceView[];
  /** When the page looked: an inactive window starting after it is scheduled, else it has ended. */
  now: number;
  /** Null when the reader may not remove windows. */
  onRemove: ((item: MaintenanceView) => void) | null;
}) {
  return (
    <tbody>
      {items.map((item) => (
        <tr key={item.id} className="border-t border-slate-200 align-top">
          <td className="px-3 py-2 [overflow-wrap:anywhere]">{scopeLabel(item)}</td>
          <td className="px-3 py-2">{status(item, now)}</td>
          <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">
            <Time value={item.starts} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <Time value={item.until} />
          </td>
          <td className="px-3 py-2 [overflow-wrap:anywhere]">{item.reason}</td>
          <td className="hidden px-3 py-2 lg:table-cell">{item.createdBy}</td>
          {onRemove && (
            <td className="px-3 py-2 text-right">
              <Button
                look="danger"
                aria-label={`Remove the window for ${scopeLabel(item)}`}
                onClick={() => onRemove(item)}
              >
                Remove
              </Button>
            </td>
          )}
        </tr>
      ))}
    </tbody>
  );
}
