"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { actionKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { useCurrentRole } from "@/lib/api/use-current-role";
import { getAction, invokeAction, updateAction, type ActionView } from "@/lib/contracts/action";
import { roleAllows } from "@/lib/contracts/verb";
import { Button } from "../ui/button";
import { Loading } from "../ui/loading";
import { ErrorNotice, Notice } from "../ui/notice";
import { DefinitionList, type DefinitionRow } from "../ui/definition-list";
import { BackLink, PageHeader } from "../ui/page-header";
import { Section } from "../ui/section";
import { Time } from "../ui/time";
import { draftOf } from "./action-draft";
import { ActionForm, type ActionInput } from "./action-form";
import { ActionRuns } from "./action-runs";
import { InvokeButton } from "./invoke-button";
import { RemoveActionDialog } from "./remove-action-dialog";
import { RunOutcome } from "./run-outcome";
import { stepWords, triggerWords } from "./trigger-summary";
import { useWebhookUrl } from "./webhook-url";

function Summary({ action }: { action: ActionView }) {
  const rows: DefinitionRow[] = [
    ["When", triggerWords(action)],
    ["Then", stepWords(action)],
    ["Enabled", action.enable ? "Yes" : "No"],
    ...(action.nextRun ? [["Next run", <Time key="next" value={action.nextRun} />] as DefinitionRow] : []),
    [
      "Last run",
      action.lastRun ? (
        <span key="last" className="inline-flex items-center gap-2">
          <RunOutcome outcome={action.lastRun.outcome} />
          <Time value={action.lastRun.created} />
        </span>
      ) : (
        "Never"
      ),
    ],
  ];
  return <DefinitionList rows={rows} narrow />;
}

/** action/update from the form; a rotated secret is never asked for here, so none is answered. */
function EditAction({ action }: { action: ActionView }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const webhookUrl = useWebhookUrl(action);
  const update = useMutation({
    mutationFn: (input: ActionInput) => api.call(updateAction, { id: action.id, ...input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionKeys.all() }),
  });
  return (
    <Section title="Edit">
      {update.isSuccess && <Notice tone="success">Saved.</Notice>}
      {/* A save answers a new `updated`: the form starts again from what was stored. */}
      <ActionForm
        key={action.updated}
        initial={draftOf(action)}
        webhookUrl={webhookUrl}
        submitLabel="Save action"
        pendingLabel="Saving…"
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) => update.mutate(input)}
      />
    </Section>
  );
}

/** One action: what it does in words, Invoke now for a manual one, its run history, and (admins) its form. */
export function ActionPage({ id }: { id: string }) {
  const api = useApi();
  const role = useCurrentRole();
  const isAdmin = roleAllows(role, updateAction.allow);
  const canInvoke = roleAllows(role, invokeAction.allow);
  const [removing, setRemoving] = useState(false);
  const action = useQuery({ queryKey: actionKeys.detail(id), queryFn: () => api.call(getAction, { id }) });
  const data = action.data;

  return (
    <>
      <BackLink href="/actions">← All actions</BackLink>
      {action.isPending && <Loading what="the action" />}
      {action.isError && <ErrorNotice error={action.error} />}
      {data && (
        <>
          <PageHeader
            title={data.name}
            description={data.description || undefined}
            actions={
              <>
                {canInvoke && data.trigger === "manual" && <InvokeButton name={data.name} />}
                {isAdmin && (
                  <Button look="danger" onClick={() => setRemoving(true)}>
                    Remove
                  </Button>
                )}
              </>
            }
          />
          <div className="space-y-6">
            <Summary action={data} />
            <ActionRuns actionId={data.id} />
            {isAdmin && <EditAction action={data} />}
          </div>
          {isAdmin && <RemoveActionDialog action={data} open={removing} onClose={() => setRemoving(false)} />}
        </>
      )}
    </>
  );
}
