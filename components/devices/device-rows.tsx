import Link from "next/link";
import type { DeviceView } from "@/lib/contracts/device";
import { Time } from "../ui/time";
import { Connection } from "./connection";

// ID, name and last seen stay on a phone: last seen is what says a device is alive.
export function DeviceRows({ devices, highlight }: { devices: DeviceView[]; highlight: string | null }) {
  return (
    <tbody>
      {devices.map((device) => (
        <tr
          key={device.id}
          data-highlight={device.id === highlight || undefined}
          className="border-t border-slate-200 data-[highlight]:bg-yellow-50"
        >
          <td className="px-3 py-2 font-mono">
            <Link href={`/devices/${device.id}`} className="text-brand-dark underline">
              {device.id}
            </Link>
            {device.id === highlight && <span className="ml-2 rounded bg-yellow-200 px-1 text-xs">new</span>}
          </td>
          <td className="px-3 py-2 break-words">{device.name || <span className="text-muted">unnamed</span>}</td>
          <td className="hidden px-3 py-2 md:table-cell">{device.product}</td>
          <td className="hidden px-3 py-2 lg:table-cell">{device.state}</td>
          <td className="hidden px-3 py-2 sm:table-cell">
            <Connection connection={device.connection} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <Time value={device.accessed} never="never" />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
