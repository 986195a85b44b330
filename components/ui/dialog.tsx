"use client";
import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes when the opener is gone by the time the dialog closes. */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

/** A modal on the native <dialog>: focus is trapped while open and returns to the opener on close. */
export function Dialog({ open, title, onClose, children, fallbackFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const returnFocus = () => {
    const target = opener.current?.isConnected ? (opener.current as HTMLElement) : fallbackFocus?.current;
    target?.focus?.();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={() => {
        onClose();
        // After React has rendered what the dialog changed, so the fallback exists.
        requestAnimationFrame(returnFocus);
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-ink shadow-xl backdrop:bg-slate-900/50"
    >
      {open && (
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}
