import Link from "next/link";
import type { ActionView } from "@/lib/contracts/action";
import { Time } from "../ui/time";
import { EnableSwitch } from "./enable-switch";
import { RunOutcome } from "./run-outcome";
import { stepWords, triggerWords } from "./trigger-summary";

// The name, what it does and whether it is on stay on a phone; the last run is detail.
export function ActionRows({ actions, canEnable }: { actions: ActionView[]; canEnable: boolean }) {
  return (
    <tbody>
      {actions.map((action) => (
        <tr key={action.id} className="border-t border-slate-200 align-top">
          <td className="px-3 py-2 [overflow-wrap:anywhere]">
            <Link href={`/actions/${action.id}`} className="font-medium text-brand-dark underline">
              {action.name}
            </Link>
          </td>
          <td className="px-3 py-2 [overflow-wrap:anywhere]">
            {triggerWords(action)}, <span className="text-muted">then</span> {stepWords(action)}
          </td>
          <td className="px-3 py-2">{canEnable ? <EnableSwitch action={action} /> : action.enable ? "On" : "Off"}</td>
          <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">
            {action.lastRun ? (
              <span className="inline-flex items-center gap-2">
                <RunOutcome outcome={action.lastRun.outcome} />
                <Time value={action.lastRun.created} />
              </span>
            ) : (
              <span className="text-muted">Never run</span>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
