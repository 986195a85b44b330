import { MaintenancePage } from "@/components/maintenance/maintenance-page";

export const metadata = { title: "Maintenance" };

export default function Maintenance() {
  return <MaintenancePage />;
}
