"use client";
import { Button } from "../ui/button";
import { SelectField } from "../ui/field";

export const REFRESH_CHOICES = [
  { value: 0, label: "Off" },
  { value: 10, label: "10 s" },
  { value: 30, label: "30 s" },
  { value: 60, label: "1 min" },
  { value: 300, label: "5 min" },
] as const;

/** The nearest offered interval to a dashboard's saved one (off stays off). */
export const nearestRefresh = (seconds: number) =>
  seconds <= 0
    ? 0
    : REFRESH_CHOICES.slice(1).reduce((best, choice) =>
        Math.abs(choice.value - seconds) < Math.abs(best.value - seconds) ? choice : best,
      ).value;

/**
 * Auto-refresh, and why it is paused: a zoomed or fixed range (Resume returns to the live range) or
 * edit mode (it resumes when editing ends).
 */
export function RefreshPicker({
  seconds,
  onChange,
  paused,
  onResume,
}: {
  seconds: number;
  onChange: (seconds: number) => void;
  paused: "range" | "editing" | null;
  onResume: () => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="w-28">
        <SelectField
          label="Auto-refresh"
          value={String(seconds)}
          onChange={(e) => onChange(Number(e.target.value))}
          options={REFRESH_CHOICES.map((c) => ({ value: String(c.value), label: c.label }))}
        />
      </div>
      {paused && (
        <p role="status" className="flex min-h-10 items-center gap-1 text-sm text-amber-900">
          {paused === "editing" ? (
            "Paused while editing"
          ) : (
            <>
              Paused —
              <Button look="quiet" className="px-1" onClick={onResume}>
                resume
              </Button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
