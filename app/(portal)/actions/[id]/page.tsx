import { ActionPage } from "@/components/actions/action-page";

export const metadata = { title: "Action" };

export default async function Action({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ActionPage id={decodeURIComponent(id)} />;
}
