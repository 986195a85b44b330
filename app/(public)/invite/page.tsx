import { AcceptInviteForm } from "@/components/auth/accept-invite-form";

export const metadata = { title: "Accept invite" };

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return <AcceptInviteForm invite={token ?? ""} />;
}
