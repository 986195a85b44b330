"use client";
import Link from "next/link";
import { firmwareKeys } from "@/lib/api/query-keys";
import { usePagedList } from "@/lib/api/use-paged-list";
import { firmwareReports } from "@/lib/contracts/firmware";
import { EmptyPage, ListStates } from "../ui/list-states";
import { Section } from "../ui/section";
import { ColumnHeads, DataTable } from "../ui/table";
import { Time } from "../ui/time";

const RESULT = {
  success: { text: "applied", look: "bg-green-100 text-green-900" },
  failure: { text: "failed", look: "bg-red-100 text-red-900" },
} as const;

/** Each device of the product with its latest update report (firmware/reports): what it applied, and whether it went well. */
export function ProductUpdateReports({ productId }: { productId: string }) {
  const { list, setCursor, reset, firstPage } = usePagedList({
    keys: { list: firmwareKeys.reports },
    contract: firmwareReports,
    input: { productId },
  });

  return (
    <Section
      level={3}
      title="Update reports"
      description="Each device of this product in your account, with its latest report of applying an update."
    >
      <ListStates
        list={list}
        what="the update reports"
        onPage={setCursor}
        empty={
          <EmptyPage firstPage={firstPage} noun="devices" onFirstPage={reset}>
            <p>No devices of this product in this account yet.</p>
          </EmptyPage>
        }
      >
        {(devices) => (
          <DataTable
            caption="Update reports"
            head={
              <ColumnHeads
                columns={[
                  ["Device", ""],
                  ["Latest update", ""],
                  ["Reported", "hidden sm:table-cell"],
                ]}
              />
            }
          >
            <tbody>
              {devices.map((device) => {
                const result = device.report && RESULT[device.report.success ? "success" : "failure"];
                return (
                  <tr key={device.deviceId} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link href={`/devices/${device.deviceId}`} className="font-mono text-brand-dark underline">
                        {device.deviceId}
                      </Link>
                      {device.name && <span className="block text-xs text-muted">{device.name}</span>}
                    </th>
                    <td className="px-3 py-2">
                      {device.report && result ? (
                        <>
                          {device.report.version}{" "}
                          <span className={`rounded px-2 py-0.5 text-xs whitespace-nowrap ${result.look}`}>
                            {result.text}
                          </span>
                        </>
                      ) : (
                        <span className="text-muted">No report yet</span>
                      )}
                    </td>
                    <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">
                      <Time value={device.report?.created} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </ListStates>
    </Section>
  );
}
