import type { DeviceView } from "@/lib/contracts/device";

// Only a broker's connect and disconnect events can say whether a device is connected, and this
// deployment runs none yet (MQTT_PORT is reserved, README.md). Until one reports, `offline` is
// just the column's default: the portal says the state is not reported, and "Last seen" tells
// when the device was last heard from.
const SHOWN = {
  online: { text: "online", look: "bg-green-100 text-green-900" },
  offline: { text: "not reported", look: "bg-slate-100 text-slate-700" },
} as const;

export const CONNECTION_NOTE = "No broker reports connections yet; Last seen is the device's last contact.";

export function Connection({ connection }: { connection: DeviceView["connection"] }) {
  const shown = SHOWN[connection];
  return (
    <span className={`rounded px-2 py-0.5 text-xs whitespace-nowrap ${shown.look}`} title={CONNECTION_NOTE}>
      {shown.text}
    </span>
  );
}
