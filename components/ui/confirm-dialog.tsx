"use client";
import type { ReactNode, RefObject } from "react";
import { Dialog } from "./dialog";
import { FormFooter } from "./form-footer";
import { ErrorNotice } from "./notice";

interface ConfirmDialogProps {
  open: boolean;
  /** A question naming what is affected; it is also the dialog's accessible name. */
  title: string;
  /** The message: what stops working, so the person knows what they confirm. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The last attempt's failure; the dialog stays open so it can be read and retried. */
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
  /** Where focus goes when the opener is gone by the time the dialog closes (e.g. a removed row). */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

/** A destructive action's confirmation: the message, any error, then Cancel and the danger button. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  onConfirm,
  onClose,
  fallbackFocus,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose} fallbackFocus={fallbackFocus}>
      <div className="space-y-4">
        <p className="text-sm">{children}</p>
        {error && <ErrorNotice error={error} />}
        <FormFooter
          label={confirmLabel}
          pendingLabel={pendingLabel}
          pending={pending}
          onCancel={onClose}
          onConfirm={onConfirm}
        />
      </div>
    </Dialog>
  );
}
