import { ActionsPage } from "@/components/actions/actions-page";

export const metadata = { title: "Actions" };

export default function Actions() {
  return <ActionsPage />;
}
