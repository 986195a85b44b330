import { Button } from "./button";

interface FormFooterProps {
  /** The action, and what it says while its request runs (the button is disabled meanwhile). */
  label: string;
  pendingLabel: string;
  pending: boolean;
  onCancel: () => void;
  cancelLabel?: string;
  /** For a confirmation outside a form: the action is then a danger button calling this, not a submit. */
  onConfirm?: () => void;
}

/** The buttons closing a dialog's form or confirmation: Cancel, then the action on the right. */
export function FormFooter({
  label,
  pendingLabel,
  pending,
  onCancel,
  cancelLabel = "Cancel",
  onConfirm,
}: FormFooterProps) {
  return (
    <div className="flex justify-end gap-2">
      <Button look="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button
        look={onConfirm ? "danger" : "primary"}
        type={onConfirm ? "button" : "submit"}
        onClick={onConfirm}
        disabled={pending}
      >
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
