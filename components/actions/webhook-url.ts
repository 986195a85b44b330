"use client";
import type { ActionView } from "@/lib/contracts/action";
import { useOrigin } from "../ui/code-snippet";

/** Where callers POST to fire an http-triggered action (signed with its secret); null for any other trigger. */
export function useWebhookUrl(action: Pick<ActionView, "id" | "trigger">): string | null {
  const origin = useOrigin();
  return action.trigger === "http" && origin ? `${origin}/hooks/actions/${encodeURIComponent(action.id)}` : null;
}
