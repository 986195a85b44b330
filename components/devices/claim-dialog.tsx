"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent, type RefObject } from "react";
import { deviceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { claimDevice, findDevices, normaliseClaimId, type DeviceView } from "@/lib/contracts/device";
import { Dialog } from "../ui/dialog";
import { TextArea } from "../ui/field";
import { FormFooter } from "../ui/form-footer";
import { Notice } from "../ui/notice";
import { parseClaimIds } from "./claim-ids";

/** What became of one typed ID: claimed now, in this fleet already, or refused (the API's message). */
type ClaimResult =
  | { typed: string; outcome: "claimed"; device: DeviceView }
  | { typed: string; outcome: "owned"; id: string }
  | { typed: string; outcome: "failed"; error: string };

function sayOf(result: ClaimResult): string {
  if (result.outcome === "claimed") return `claimed as ${result.device.id}`;
  if (result.outcome === "owned") return "already in your fleet";
  return result.error;
}
const TONE = { claimed: "text-green-800", owned: "text-ink", failed: "text-danger" } as const;

// device/claim for each pasted line; one ID gets its answer inline, several get a result per line.
// The API answers a device already in the fleet as if it were claimed now (claims are idempotent),
// so the fleet is asked first which of the IDs it holds, and those are said to be there.
interface ClaimDialogProps {
  open: boolean;
  onClose: () => void;
  onClaimed: (id: string) => void;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function ClaimDialog({ open, onClose, onClaimed, fallbackFocus }: ClaimDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [results, setResults] = useState<ClaimResult[]>([]);
  const claim = useMutation({
    mutationFn: async (typed: string[]) => {
      const ids = typed.map(normaliseClaimId);
      const held = await api.list(findDevices, { id__in: ids }, { limit: ids.length });
      const owned = new Set(held.data.map((device) => device.id));
      return Promise.all(
        typed.map(async (text, i): Promise<ClaimResult> => {
          const id = ids[i] ?? "";
          if (owned.has(id)) return { typed: text, outcome: "owned", id };
          try {
            return { typed: text, outcome: "claimed", device: await api.call(claimDevice, { id: text }) };
          } catch (error) {
            return { typed: text, outcome: "failed", error: (error as Error).message };
          }
        }),
      );
    },
    onSuccess: async (answered) => {
      setResults(answered);
      const last = answered.findLast((result) => result.outcome === "claimed");
      if (last) {
        await queryClient.invalidateQueries({ queryKey: deviceKeys.lists() });
        onClaimed(last.device.id);
      }
      if (answered.length === 1 && last) close();
    },
  });

  function close() {
    setResults([]);
    claim.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ids = parseClaimIds(String(new FormData(event.currentTarget).get("ids")));
    if (ids.length) claim.mutate(ids);
    else setResults([{ typed: "", outcome: "failed", error: "Type the device ID printed on its label" }]);
  }

  const single = results.length === 1 ? results[0] : undefined;
  return (
    <Dialog open={open} title="Claim a device" onClose={close} fallbackFocus={fallbackFocus}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextArea
          label="Device ID from the label"
          name="ids"
          rows={3}
          required
          autoFocus
          spellCheck={false}
          autoCapitalize="characters"
          error={single?.outcome === "failed" ? single.error : undefined}
          hint="Any case; spaces and dashes are fine. Paste several IDs, one per line, to claim them together."
        />
        {single?.outcome === "owned" && (
          <Notice>
            <Link href={`/devices/${single.id}`} className="font-mono underline">
              {single.id}
            </Link>{" "}
            is already in your fleet: there is nothing to claim.
          </Notice>
        )}
        {results.length > 1 && (
          <ul aria-label="Claim results" className="space-y-1 text-sm">
            {results.map((result) => (
              <li key={result.typed} className={TONE[result.outcome]}>
                <span className="font-mono">{result.typed}</span>: {sayOf(result)}
              </li>
            ))}
          </ul>
        )}
        {claim.isError && <Notice tone="error">{claim.error.message}</Notice>}
        <FormFooter
          label="Claim"
          pendingLabel="Claiming…"
          pending={claim.isPending}
          onCancel={close}
          cancelLabel={results.length > 1 || single?.outcome === "owned" ? "Done" : "Cancel"}
        />
      </form>
    </Dialog>
  );
}
