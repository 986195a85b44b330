import type { DeviceView } from "@/lib/contracts/device";

// The broker writes the state when a device connects over MQTT and when it goes away. A device
// that only calls the HTTP API stays offline: Last seen says when it was last heard from.
const SHOWN = {
  online: { text: "online", look: "bg-green-100 text-green-900" },
  offline: { text: "offline", look: "bg-slate-100 text-slate-700" },
} as const;

export function Connection({ connection }: { connection: DeviceView["connection"] }) {
  const shown = SHOWN[connection];
  return <span className={`rounded px-2 py-0.5 text-xs whitespace-nowrap ${shown.look}`}>{shown.text}</span>;
}
