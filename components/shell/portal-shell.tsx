"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { logout } from "@/lib/contracts/user";
import { endSession, RequireSession } from "@/lib/session/client";
import type { PortalSession } from "@/lib/session/types";
import { OpenAlertsBadge } from "../alerts/open-alerts-badge";
import { Button } from "../ui/button";
import { Loading } from "../ui/loading";
import { navLinksFor } from "./nav-links";

/** The section whose link carries the open-alerts badge. */
const ALERTS = "/alerts";

export function PortalShell({ user, children }: { user: PortalSession["user"]; children: ReactNode }) {
  const pathname = usePathname();
  const api = useApi();
  const [menuOpen, setMenuOpen] = useState(false);
  const role = useCurrentRole();
  const links = navLinksFor(role);

  async function signOut() {
    // The token dies at once on the server; a failure here must not keep the user signed in.
    await api.call(logout, {}).catch(() => undefined);
    await endSession("signed-out");
  }

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/devices" className="text-lg font-semibold text-brand-dark">
            Fleetport
          </Link>
          <Button
            look="secondary"
            className="ml-auto md:hidden"
            aria-expanded={menuOpen}
            aria-controls="portal-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            Menu
          </Button>
          <nav
            id="portal-nav"
            aria-label="Sections"
            className={`${menuOpen ? "flex" : "hidden"} w-full flex-col gap-1 md:flex md:w-auto md:flex-row`}
          >
            {links.map((link) => {
              const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
              return (
                <Link
                  key={link.href}
                  href={link.href}
                  aria-current={current ? "page" : undefined}
                  onClick={() => setMenuOpen(false)}
                  className={`inline-flex items-center rounded px-2 py-2 text-sm ${current ? "bg-blue-50 font-semibold text-brand-dark" : "text-ink hover:bg-slate-100"}`}
                >
                  {link.label}
                  {link.href === ALERTS && <OpenAlertsBadge />}
                </Link>
              );
            })}
          </nav>
          <div
            className={`${menuOpen ? "flex" : "hidden"} w-full items-center justify-between gap-3 md:ml-auto md:flex md:w-auto`}
          >
            <span className="truncate text-sm text-muted md:max-w-56" title={user.email}>
              {user.email} · {role}
            </span>
            <Button look="secondary" onClick={signOut}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {/* The token arrives with the client session; no page asks the API before it does. */}
        <RequireSession fallback={<Loading what="your session" />}>{children}</RequireSession>
      </main>
    </div>
  );
}
