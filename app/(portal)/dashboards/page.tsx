import { Suspense } from "react";
import { DashboardsPage } from "@/components/dashboards/dashboards-page";
import { Loading } from "@/components/ui/loading";

export const metadata = { title: "Dashboards" };

// The range and device live in the query string, read in the browser (hence the boundary).
export default function Dashboards() {
  return (
    <Suspense fallback={<Loading what="the dashboard" />}>
      <DashboardsPage />
    </Suspense>
  );
}
