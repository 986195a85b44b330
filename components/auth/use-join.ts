"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInWithPassword } from "@/lib/session/client";

/**
 * The forms that end with a new password (sign-up, accepting an invite): run the step that sets it,
 * then sign in with it through the session and open the fleet. Any failure, the API's or the
 * sign-in's, is kept for the form to show, and the form can be sent again.
 */
export function useJoin() {
  const router = useRouter();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function join(step: () => Promise<{ email: string; password: string }>) {
    setBusy(true);
    setError(null);
    try {
      const { email, password } = await step();
      const failure = await signInWithPassword(email, password);
      if (failure) throw new Error(failure);
      router.replace("/devices");
      router.refresh();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return { join, error, setError, busy };
}
