import { Suspense } from "react";
import { DashboardsPage } from "@/components/dashboards/dashboards-page";
import { Loading } from "@/components/ui/loading";

export const metadata = { title: "Dashboard" };

export default async function Dashboard({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<Loading what="the dashboard" />}>
      <DashboardsPage id={decodeURIComponent(id)} />
    </Suspense>
  );
}
