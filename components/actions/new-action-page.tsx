"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { createAction, type ActionView } from "@/lib/contracts/action";
import { roleAllows } from "@/lib/contracts/verb";
import { ShownOnce } from "../tokens/shown-once";
import { CodeSnippet } from "../ui/code-snippet";
import { Notice } from "../ui/notice";
import { BackLink, PageHeader } from "../ui/page-header";
import { newDraft } from "./action-draft";
import { ActionForm, type ActionInput } from "./action-form";
import { useWebhookUrl } from "./webhook-url";

/** What the action just made does with its secret: one that sends or receives no webhook does not need it yet. */
export function secretUse(action: Pick<ActionView, "trigger" | "type">): string {
  const sends = action.type === "http";
  const called = action.trigger === "http";
  if (sends && called)
    return "The webhooks it sends are signed with it (HMAC-SHA256), and callers of its webhook URL sign with it.";
  if (sends) return "The webhooks it sends are signed with it (HMAC-SHA256): keep it where the receiver checks them.";
  if (called) return "Callers of its webhook URL sign their requests with it (HMAC-SHA256): keep it where they run.";
  return "It sends and receives no webhook, so nothing needs it now: it signs them if the action is changed to use one.";
}

/** The secret, once, and for an action fired by its webhook the URL its callers sign their requests for. */
function CreatedAction({ action, onDone }: { action: ActionView & { secret: string }; onDone: () => void }) {
  const webhookUrl = useWebhookUrl(action);
  return (
    <div className="max-w-xl space-y-4">
      {webhookUrl && <CodeSnippet title="Its webhook URL" code={webhookUrl} copyLabel="Copy URL" />}
      <ShownOnce label="Signing secret" value={action.secret} onDone={onDone}>
        {secretUse(action)}
      </ShownOnce>
    </div>
  );
}

// action/create answers the action's signing secret once: it lives only in this mutation's state,
// shown until "Done" leads on to the action's page.
export function NewActionPage() {
  const api = useApi();
  const router = useRouter();
  const queryClient = useQueryClient();
  const isAdmin = roleAllows(useCurrentRole(), createAction.allow);
  const [initial] = useState(newDraft);
  const create = useMutation({
    mutationFn: (input: ActionInput) => api.call(createAction, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionKeys.all() }),
  });
  const created = create.data;

  return (
    <>
      <BackLink href="/actions">← All actions</BackLink>
      <PageHeader
        title={created ? `Action “${created.name}” created` : "New action"}
        description={created ? undefined : "When something happens in the fleet, do one thing."}
      />
      {!isAdmin ? (
        <Notice>Only admins of the account create actions.</Notice>
      ) : created ? (
        <CreatedAction action={created} onDone={() => router.push(`/actions/${created.id}`)} />
      ) : (
        <ActionForm
          initial={initial}
          webhookUrl={null}
          submitLabel="Create action"
          pendingLabel="Creating…"
          pending={create.isPending}
          error={create.error}
          onSubmit={(input) => create.mutate(input)}
          onCancel={() => router.push("/actions")}
        />
      )}
    </>
  );
}
