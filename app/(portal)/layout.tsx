import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { PortalShell } from "@/components/shell/portal-shell";
import { currentSession } from "@/lib/session/server";

// The shell of every signed-in page. Page data never comes from here: it is read in the browser
// through the API client, so every read passes the verb pipeline's role and tenancy checks.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) {
    const path = (await headers()).get("x-fleetport-path") ?? "/devices";
    redirect(`/signin?reason=required&next=${encodeURIComponent(path)}`);
  }
  return <PortalShell user={session.user}>{children}</PortalShell>;
}
