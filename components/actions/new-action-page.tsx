"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { createAction } from "@/lib/contracts/action";
import { roleAllows } from "@/lib/contracts/verb";
import { ShownOnce } from "../tokens/shown-once";
import { Notice } from "../ui/notice";
import { PageHeader } from "../ui/page-header";
import { newDraft } from "./action-draft";
import { ActionForm, type ActionInput } from "./action-form";

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
      <p className="mb-2 text-sm">
        <Link href="/actions" className="text-brand-dark underline">
          ← All actions
        </Link>
      </p>
      <PageHeader
        title={created ? `Action “${created.name}” created` : "New action"}
        description={created ? undefined : "When something happens in the fleet, do one thing."}
      />
      {!isAdmin ? (
        <Notice>Only admins of the account create actions.</Notice>
      ) : created ? (
        <div className="max-w-xl">
          <ShownOnce label="Signing secret" value={created.secret} onDone={() => router.push(`/actions/${created.id}`)}>
            Webhooks it sends are signed with it (HMAC-SHA256), and callers of its incoming webhook sign with it. Keep
            it where the receiver checks signatures.
          </ShownOnce>
        </div>
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
