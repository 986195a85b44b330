import { AlertsPage } from "@/components/alerts/alerts-page";

export const metadata = { title: "Alerts" };

export default function Alerts() {
  return <AlertsPage />;
}
