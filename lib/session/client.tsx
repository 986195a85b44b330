"use client";
import { SessionProvider, signIn, signOut, useSession } from "next-auth/react";
import { useEffect, type ReactNode } from "react";
import type { PortalSession } from "./types";

// The one module in the browser that knows next-auth. The login access token stays in memory (the
// session object); nothing is written to localStorage.

export function SessionBoundary({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus>{children}</SessionProvider>;
}

/** The signed-in session, or null while loading or signed out. */
export function usePortalSession(): PortalSession | null {
  const { data } = useSession();
  return (data as { portal?: PortalSession } | null)?.portal ?? null;
}

/** Answers null when signed in, else the message to show (wrong password, the lockout's wait). */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  const result = await signIn("credentials", { email, password, redirect: false });
  if (result?.ok && !result.error) return null;
  return result?.error && result.error !== "CredentialsSignin" ? result.error : "Invalid email or password";
}

export type SignOutReason = "signed-out" | "expired";

/** Drops the session cookie and lands on the sign-in page with a message saying why. */
export async function endSession(reason: SignOutReason): Promise<void> {
  await signOut({ callbackUrl: `/signin?reason=${reason}` });
}

/** Renders its children once the session (and so the token) is in memory; a lost session signs out. */
export function RequireSession({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { data, status } = useSession();
  useEffect(() => {
    if (status === "unauthenticated") void endSession("expired");
  }, [status]);
  return (data as { portal?: PortalSession } | null)?.portal ? children : fallback;
}
