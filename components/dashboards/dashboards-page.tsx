"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { dashboardKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { findDashboards } from "@/lib/contracts/dashboard";
import { Loading } from "../ui/loading";
import { ErrorNotice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { DashboardView } from "./dashboard-view";

const QUERY = { limit: 100 } as const;

/** The account's dashboards, one open: the one named by `id`, else the first (every account starts with "Fleet"). */
export function DashboardsPage({ id }: { id?: string }) {
  const api = useApi();
  const search = useSearchParams().toString();
  const list = useQuery({
    queryKey: dashboardKeys.list({}, QUERY),
    queryFn: () => api.list(findDashboards, {}, QUERY),
  });
  const dashboards = list.data?.data ?? [];
  const open = id ? dashboards.find((d) => d.id === id) : dashboards[0];

  return (
    <>
      <PageHeader
        title={open?.name ?? "Dashboards"}
        description="Your fleet's metrics. Links keep the range and the device shown."
      />
      {dashboards.length > 1 && (
        <nav aria-label="Dashboards" className="mb-4 flex flex-wrap gap-2 text-sm">
          {dashboards.map((d) => (
            <Link
              key={d.id}
              href={`/dashboards/${encodeURIComponent(d.id)}${search ? `?${search}` : ""}`}
              aria-current={d.id === open?.id ? "page" : undefined}
              className={`rounded px-2 py-1 ${d.id === open?.id ? "bg-blue-50 font-semibold text-brand-dark" : "hover:bg-slate-100"}`}
            >
              {d.name}
            </Link>
          ))}
        </nav>
      )}
      {list.isPending && <Loading what="dashboards" />}
      {list.isError && <ErrorNotice error={list.error} />}
      {list.isSuccess && !open && (
        <p className="py-8 text-center text-sm text-muted">
          {id ? "No such dashboard in this account." : "No dashboards yet."}
        </p>
      )}
      {open && <DashboardView key={open.id} dashboard={open} />}
    </>
  );
}
