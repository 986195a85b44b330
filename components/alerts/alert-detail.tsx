"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { actionKeys, alertKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { getAction } from "@/lib/contracts/action";
import { getAlert, updateAlert, type AlertView } from "@/lib/contracts/alert";
import { roleAllows } from "@/lib/contracts/verb";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { DefinitionList, type DefinitionRow } from "../ui/definition-list";
import { BackLink, PageHeader } from "../ui/page-header";
import { Section } from "../ui/section";
import { Time } from "../ui/time";
import { AlertButtons } from "./alert-buttons";
import { AlertChart } from "./alert-chart";
import { alertSeriesOf } from "./alert-series";
import { AlertState } from "./alert-state";
import { SeverityBadge } from "./severity";

/** A person's or the system's mark (who acknowledged or resolved), with when. */
const mark = (at: string | null, by: string | null) =>
  at ? (
    <>
      <Time value={at} />
      {by && <span className="text-muted"> by {by}</span>}
    </>
  ) : (
    "—"
  );

function Fields({ alert, actionName }: { alert: AlertView; actionName: string | undefined }) {
  const rows: DefinitionRow[] = [
    ["Severity", <SeverityBadge key="severity" severity={alert.severity} />],
    ["State", <AlertState key="state" alert={alert} />],
    [
      "Device",
      alert.deviceId ? (
        <Link key="device" href={`/devices/${alert.deviceId}`} className="font-mono text-brand-dark underline">
          {alert.deviceId}
        </Link>
      ) : (
        "The fleet (no one device)"
      ),
    ],
    ["Subject", alert.subject || "—"],
    ["First raised", <Time key="created" value={alert.created} />],
    ["Last raised", <Time key="updated" value={alert.updated} />],
    ["Times raised", alert.count],
    ["Acknowledged", mark(alert.acknowledgedAt, alert.acknowledgedBy)],
    ["Resolved", mark(alert.resolvedAt, alert.resolvedBy)],
    ...(alert.silenced ? [["Silenced by", alert.silencedBy ?? "a maintenance window"] as DefinitionRow] : []),
    [
      "Raised by",
      alert.actionId ? (
        <Link key="action" href={`/actions/${alert.actionId}`} className="text-brand-dark underline">
          {actionName ?? "its action"}
        </Link>
      ) : (
        "a person or the system"
      ),
    ],
  ];
  return <DefinitionList rows={rows} />;
}

/** What the alert was raised with (the value, the metric, the run), as its context holds it. */
function Context({ context }: { context: AlertView["context"] }) {
  const entries = Object.entries(context);
  return (
    <Section title="Context" description="What it was raised with.">
      {entries.length === 0 ? (
        <p className="text-sm text-muted">Nothing recorded.</p>
      ) : (
        <DefinitionList
          mono
          rows={entries.map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)])}
        />
      )}
    </Section>
  );
}

/** One alert: where it stands, what raised it, its metric around the moment it fired, and the buttons the reader's role allows. */
export function AlertDetail({ id }: { id: string }) {
  const api = useApi();
  const canChange = roleAllows(useCurrentRole(), updateAlert.allow);
  const alert = useQuery({ queryKey: alertKeys.detail(id), queryFn: () => api.call(getAlert, { id }) });
  const actionId = alert.data?.actionId ?? "";
  const action = useQuery({
    queryKey: actionKeys.detail(actionId),
    queryFn: () => api.call(getAction, { id: actionId }),
    enabled: Boolean(actionId),
  });
  const series = alert.data && alertSeriesOf(alert.data, action.data);

  return (
    <>
      <BackLink href="/alerts">← All alerts</BackLink>
      {alert.isPending && <Loading what="the alert" />}
      {alert.isError && <ErrorNotice error={alert.error} />}
      {alert.data && (
        <>
          <PageHeader
            title={alert.data.name}
            description={alert.data.message || undefined}
            actions={canChange && <AlertButtons alert={alert.data} />}
          />
          <div className="grid items-start gap-6 lg:grid-cols-2">
            <Fields alert={alert.data} actionName={action.data?.name} />
            <Context context={alert.data.context} />
          </div>
          {series && (
            <div className="mt-6">
              <AlertChart alert={alert.data} series={series} />
            </div>
          )}
        </>
      )}
    </>
  );
}
