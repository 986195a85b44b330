"use client";
import { useState, type FormEvent } from "react";
import { formatInstant, ianaZone } from "@/lib/charts/format";
import { describeRange, MIN_RANGE_MS, PRESETS, resolveRange, stepRange, type TimeRange } from "@/lib/charts/time-range";
import { fromZonedInput, toZonedInput } from "@/lib/charts/zoned-input";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";

const CUSTOM = "custom";

/** Presets, a custom from/to, and steps of one whole span back and forward. */
export function TimeRangePicker({
  range,
  now,
  timezone,
  onChange,
}: {
  range: TimeRange;
  now: number;
  timezone: string;
  onChange: (range: TimeRange) => void;
}) {
  const preset = range.kind === "relative" ? (PRESETS.find((p) => p.seconds === range.seconds)?.key ?? "") : CUSTOM;
  const [custom, setCustom] = useState(range.kind === "absolute");
  const bounds = resolveRange(range, now);
  // From and To are wall-clock times in the dashboard's zone, whatever the browser's.
  const zone = ianaZone(timezone);
  const localInput = (ms: number) => toZonedInput(ms, zone);
  const [fromText, setFromText] = useState(localInput(bounds.from));
  const [toText, setToText] = useState(localInput(bounds.to));
  const [error, setError] = useState<string>();

  function pick(key: string) {
    if (key === CUSTOM) {
      setFromText(localInput(bounds.from));
      setToText(localInput(bounds.to));
      setCustom(true);
      return;
    }
    setCustom(false);
    const chosen = PRESETS.find((p) => p.key === key);
    if (chosen) onChange({ kind: "relative", seconds: chosen.seconds });
  }

  function applyCustom(event: FormEvent) {
    event.preventDefault();
    const from = fromZonedInput(fromText, zone);
    const to = fromZonedInput(toText, zone);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to - from < MIN_RANGE_MS) {
      setError("From must be at least a minute before To");
      return;
    }
    setError(undefined);
    onChange({ kind: "absolute", from, to });
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <Button
        look="secondary"
        aria-label="Earlier: step back one span"
        title="Earlier"
        onClick={() => onChange(stepRange(range, -1, now))}
      >
        ◀
      </Button>
      <div className="w-44">
        <SelectField
          label="Range"
          value={custom ? CUSTOM : preset}
          onChange={(e) => pick(e.target.value)}
          options={[
            ...PRESETS.map((p) => ({ value: p.key, label: p.label })),
            { value: CUSTOM, label: range.kind === "absolute" && !custom ? "Zoomed" : "Custom…" },
          ]}
        />
      </div>
      <Button
        look="secondary"
        aria-label="Later: step forward one span"
        title="Later"
        onClick={() => onChange(stepRange(range, 1, now))}
      >
        ▶
      </Button>
      {custom && (
        <form onSubmit={applyCustom} className="flex flex-wrap items-end gap-2">
          <TextField
            label="From"
            type="datetime-local"
            value={fromText}
            onChange={(e) => setFromText(e.target.value)}
            error={error}
            hint={`In ${zone}`}
          />
          <TextField label="To" type="datetime-local" value={toText} onChange={(e) => setToText(e.target.value)} />
          <Button type="submit" look="secondary">
            Apply
          </Button>
        </form>
      )}
      <p className="w-full text-xs text-muted" aria-live="polite">
        {describeRange(range, (ms) => formatInstant(ms, timezone))}
      </p>
    </div>
  );
}
