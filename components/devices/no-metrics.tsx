"use client";
import { CodeSnippet, useOrigin } from "../ui/code-snippet";

/** The device has sent no metrics yet: how it (or someone testing) sends one. */
export function NoMetrics({ deviceId }: { deviceId: string }) {
  const origin = useOrigin();
  const point = JSON.stringify({ metric: "temperature", value: 21.5, dimensions: [{ Device: deviceId }] });
  const curl = `curl -X POST ${origin}/tok/metric/set -H "Authorization: Bearer DEVICE-TOKEN" -H "Content-Type: application/json" -d '${point}'`;
  const simulate = `npm run simulate -- --product PRODUCT-TOKEN --ids ${deviceId}`;
  return (
    <div className="space-y-4 rounded-lg border border-dashed border-slate-300 bg-white p-4">
      <div>
        <h3 className="font-semibold">No metrics yet</h3>
        <p className="mt-1 text-sm text-muted">
          Readings appear here, with their age, as soon as the device sends them with its device token: the{" "}
          <code>token</code> its register call answers once it is claimed.
        </p>
      </div>
      <CodeSnippet title="Send a reading by hand" code={curl} copyLabel="Copy curl command" />
      <CodeSnippet
        title="Or let the simulator send them"
        code={simulate}
        copyLabel="Copy simulate command"
        note="The product token is on the product's page; the simulator registers as this device and reports its readings."
      />
    </div>
  );
}
