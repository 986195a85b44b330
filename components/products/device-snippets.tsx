"use client";
import { CodeSnippet, useOrigin } from "../ui/code-snippet";

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
      <CodeSnippet title="Ioto agent: device.json5" code={deviceJson5} copyLabel="Copy device.json5" />
      <CodeSnippet
        title="Ioto agent: builder address in ioto.json5"
        code={iotoJson5}
        copyLabel="Copy ioto.json5 lines"
      />
      <CodeSnippet
        title="Register a device by hand"
        code={curl}
        copyLabel="Copy curl command"
        note="Answers {“registered”: true} until someone claims DEVICE-ID in the portal."
      />
      <p className="text-sm">
        {/* The broker's server certificate is signed by this CA: the agent's mqtt.authority file. */}
        <a className="font-medium text-brand-dark underline" href="/builder/ca.pem" download>
          Download the device CA certificate (ca.pem)
        </a>{" "}
        for the agent&rsquo;s <code>mqtt.authority</code>.
      </p>
    </div>
  );
}
