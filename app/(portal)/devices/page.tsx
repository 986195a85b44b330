import { DevicesPage } from "@/components/devices/devices-page";

export const metadata = { title: "Devices" };

export default function Devices() {
  return <DevicesPage />;
}
