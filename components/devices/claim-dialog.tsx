"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type RefObject } from "react";
import { deviceKeys } from "@/lib/api/query-keys";
import { useApi } from "@/lib/api/use-api";
import { claimDevice, type DeviceView } from "@/lib/contracts/device";
import { Dialog } from "../ui/dialog";
import { TextArea } from "../ui/field";
import { FormFooter } from "../ui/form-footer";
import { Notice } from "../ui/notice";
import { parseClaimIds } from "./claim-ids";

interface ClaimResult {
  typed: string;
  device?: DeviceView;
  error?: string;
}

// device/claim for each pasted line; one ID gets its error inline, several get a result per line.
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
    mutationFn: async (ids: string[]) => {
      const settled = await Promise.allSettled(ids.map((id) => api.call(claimDevice, { id })));
      return settled.map((outcome, i): ClaimResult =>
        outcome.status === "fulfilled"
          ? { typed: ids[i] ?? "", device: outcome.value }
          : { typed: ids[i] ?? "", error: (outcome.reason as Error).message },
      );
    },
    onSuccess: async (claimed) => {
      setResults(claimed);
      const last = claimed.filter((r) => r.device).at(-1)?.device;
      if (last) {
        await queryClient.invalidateQueries({ queryKey: deviceKeys.lists() });
        onClaimed(last.id);
      }
      if (claimed.length === 1 && last) close();
    },
  });

  function close() {
    setResults([]);
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ids = parseClaimIds(String(new FormData(event.currentTarget).get("ids")));
    if (ids.length) claim.mutate(ids);
    else setResults([{ typed: "", error: "Type the device ID printed on its label" }]);
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
          error={single?.error}
          hint="Any case; spaces and dashes are fine. Paste several IDs, one per line, to claim them together."
        />
        {results.length > 1 && (
          <ul aria-label="Claim results" className="space-y-1 text-sm">
            {results.map((result) => (
              <li key={result.typed} className={result.device ? "text-green-800" : "text-danger"}>
                <span className="font-mono">{result.typed}</span>:{" "}
                {result.device ? `claimed as ${result.device.id}` : result.error}
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
          cancelLabel={results.length > 1 ? "Done" : "Cancel"}
        />
      </form>
    </Dialog>
  );
}
