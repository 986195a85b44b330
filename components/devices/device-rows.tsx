import Link from "next/link";
import type { DeviceView } from "@/lib/contracts/device";
import { formatTime } from "./format";

const CONNECTION = { online: "bg-green-100 text-green-900", offline: "bg-slate-100 text-slate-700" } as const;

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
          <td className="px-3 py-2">{device.name || <span className="text-muted">unnamed</span>}</td>
          <td className="hidden px-3 py-2 md:table-cell">{device.product}</td>
          <td className="hidden px-3 py-2 sm:table-cell">{device.state}</td>
          <td className="px-3 py-2">
            <span className={`rounded px-2 py-0.5 text-xs ${CONNECTION[device.connection]}`}>{device.connection}</span>
          </td>
          <td className="hidden px-3 py-2 md:table-cell">{formatTime(device.accessed)}</td>
        </tr>
      ))}
    </tbody>
  );
}
