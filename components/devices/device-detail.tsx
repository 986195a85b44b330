"use client";
import { useQuery } from "@tanstack/react-query";
import { deviceKeys } from "@/lib/api/query-keys";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { useApi } from "@/lib/api/use-api";
import { getDevice, type DeviceView } from "@/lib/contracts/device";
import { roleAllows } from "@/lib/contracts/verb";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { DefinitionList, type DefinitionRow } from "../ui/definition-list";
import { BackLink, PageHeader } from "../ui/page-header";
import { DeviceEditForm } from "./device-edit-form";
import { Time } from "../ui/time";
import { Connection } from "./connection";
import { DeviceCertificate } from "./device-certificate";
import { DeviceCharts } from "./device-charts";
import { DeviceCommands } from "./device-commands";
import { DeviceFiles } from "./device-files";
import { DeviceLogs } from "./device-logs";
import { DeviceStore } from "./device-store";
import { LatestValues } from "./latest-values";
import { ReleaseDevice } from "./release-device";

/** The broker writes connects and disconnects as they happen: the page asks again this often while it is visible. */
const CONNECTION_REFETCH_MS = 5_000;

function Fields({ device }: { device: DeviceView }) {
  const rows: DefinitionRow[] = [
    ["ID", device.id],
    ["Product", device.product],
    ["Model", device.model || "—"],
    ["State", device.state],
    ["Connection", <Connection key="connection" connection={device.connection} />],
    ["Last seen", <Time key="accessed" value={device.accessed} never="never" />],
    ["Version", device.version || "—"],
    ["Test device", device.test ? "yes" : "no"],
    ["Registered", <Time key="registered" value={device.registered} />],
    ["Claimed", <Time key="created" value={device.created} />],
  ];
  return <DefinitionList rows={rows} />;
}

export function DeviceDetail({ id }: { id: string }) {
  const api = useApi();
  const isAdmin = roleAllows(useCurrentRole(), ["admin"]);
  // react-query pauses the interval in a hidden tab, so only a page someone looks at polls.
  const device = useQuery({
    queryKey: deviceKeys.detail(id),
    queryFn: () => api.call(getDevice, { id }),
    refetchInterval: CONNECTION_REFETCH_MS,
  });

  return (
    <>
      <BackLink href="/devices">← All devices</BackLink>
      {device.isPending && <Loading what="the device" />}
      {device.isError && <ErrorNotice error={device.error} />}
      {device.data && (
        <>
          <PageHeader title={device.data.name || device.data.id} description={device.data.description || undefined} />
          {/* Last seen and the connection (in the fields) stay beside the readings, above the charts. */}
          <div className="grid gap-6 lg:grid-cols-2">
            <Fields device={device.data} />
            <LatestValues deviceId={device.data.id} />
          </div>
          <DeviceCharts deviceId={device.data.id} />
          <div className="mt-6 grid items-start gap-6 lg:grid-cols-2">
            <DeviceStore deviceId={device.data.id} />
            <DeviceCommands device={device.data} />
            <DeviceCertificate deviceId={device.data.id} />
            <DeviceFiles deviceId={device.data.id} />
          </div>
          <div className="mt-6">
            <DeviceLogs deviceId={device.data.id} />
          </div>
          {isAdmin && (
            <div className="mt-6 grid items-start gap-6 lg:grid-cols-2">
              <DeviceEditForm device={device.data} />
              <ReleaseDevice device={device.data} />
            </div>
          )}
        </>
      )}
    </>
  );
}
