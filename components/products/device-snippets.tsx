"use client";
import { useSyncExternalStore } from "react";
import { CopyButton } from "../ui/copy-button";

// The origin never changes while the page lives; the server render has none, so it reads as empty there.
const noSubscription = () => () => {};
const useOrigin = () =>
  useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );

/** What a firmware builder pastes: the agent's configuration and a hand-made registration to test the token. */
export function DeviceSnippets({ token }: { token: string }) {
  const origin = useOrigin();
  // The agent reads `device.product` and `device.id` from device.json5 and posts them to
  // `<api.builder>/device/register` with the product token as its bearer credential (docs/api.md#the-device-lifecycle).
  const deviceJson5 = `// config/device.json5
{
    id: "DEVICE-ID",        // the claim ID printed on the device's label
    product: "${token}",
    name: "My device",
    description: "",
    model: "",
}`;
  const iotoJson5 = `// config/ioto.json5: where the agent registers
api: {
    builder: "${origin}/builder",
},`;
  const curl = `curl -X POST ${origin}/builder/device/register -H "Authorization: bearer ${token}" -H "Content-Type: application/json" -d '{"id":"DEVICE-ID"}'`;

  return (
    <div className="space-y-4">
      <Snippet title="Ioto agent: device.json5" code={deviceJson5} copyLabel="Copy device.json5" />
      <Snippet title="Ioto agent: builder address in ioto.json5" code={iotoJson5} copyLabel="Copy ioto.json5 lines" />
      <Snippet
        title="Register a device by hand"
        code={curl}
        copyLabel="Copy curl command"
        note="Answers {“registered”: true} until someone claims DEVICE-ID in the portal."
      />
    </div>
  );
}

function Snippet({ title, code, copyLabel, note }: { title: string; code: string; copyLabel: string; note?: string }) {
  return (
    <figure>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-medium">{title}</figcaption>
        <CopyButton key={code} value={code} label={copyLabel} />
      </div>
      {/* Focusable so a keyboard user can scroll a long line sideways. */}
      <pre
        tabIndex={0}
        aria-label={title}
        className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-brand"
      >
        <code>{code}</code>
      </pre>
      {note && <p className="mt-1 text-xs text-muted">{note}</p>}
    </figure>
  );
}
