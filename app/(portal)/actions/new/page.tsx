import { NewActionPage } from "@/components/actions/new-action-page";

export const metadata = { title: "New action" };

export default function NewAction() {
  return <NewActionPage />;
}
