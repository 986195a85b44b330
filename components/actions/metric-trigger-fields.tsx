"use client";
import { useId } from "react";
import { STATISTICS, type DimensionSet, type Statistic } from "@/lib/contracts/metric";
import type { CompareOp } from "@/lib/actions/condition";
import { useDeviceChoices } from "../dashboards/device-picker";
import { useMetricList } from "../metrics/use-metric-list";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { EVERY_DEVICE, type ActionDraft } from "./action-draft";
import {
  BUILDER_OPS,
  builtConditionOf,
  clearLabel,
  conditionProblem,
  conditionTexts,
  hasClearThreshold,
} from "./condition-builder";
import type { DraftFields } from "./draft-fields";
import { seriesWords } from "./trigger-summary";

const STATISTIC_LABELS: Record<Statistic, string> = {
  avg: "Average",
  min: "Minimum",
  max: "Maximum",
  sum: "Sum",
  count: "Number of points",
  current: "Latest value",
};
const PERIODS = ["1", "5", "10", "15", "30", "60"];
const keyOf = (set: DimensionSet) => JSON.stringify(Object.entries(set).sort());

/** The series a metric action may watch: each device, the known series of the metric, every device of the account, the account-wide one. */
function useSeriesChoices(metric: string, current: DimensionSet) {
  const { sets } = useMetricList(metric);
  const devices = useDeviceChoices().data?.data ?? [];
  const choices = new Map<string, { set: DimensionSet; label: string }>();
  const add = (set: DimensionSet, label = seriesWords(set)) => {
    if (!choices.has(keyOf(set))) choices.set(keyOf(set), { set, label: label[0]!.toUpperCase() + label.slice(1) });
  };
  add(EVERY_DEVICE, "each device, one at a time");
  add(current);
  for (const device of devices)
    add({ Device: device.id }, `device ${device.name ? `${device.name} (${device.id})` : device.id}`);
  for (const set of sets) add(set);
  add({});
  return [...choices.values()];
}

/** "When the average temperature over 5 min is above 30 for 2 min, on each device", field by field. */
export function MetricTriggerFields({ draft, set, errorOf }: DraftFields) {
  const listId = useId();
  const { loaded, metrics } = useMetricList(draft.metric);
  const series = useSeriesChoices(draft.metric, draft.dimensions);
  const periods = PERIODS.includes(draft.periodMinutes) ? PERIODS : [draft.periodMinutes, ...PERIODS];
  const setBuilt = (patch: Partial<ActionDraft["built"]>) => set({ built: { ...draft.built, ...patch } });

  // Back to the builder only with what it can show (or nothing typed): the typed text is never lost.
  const typed = draft.expression.trim() !== "" || draft.clear.trim() !== "";
  const simple = draft.advanced ? builtConditionOf(draft.expression, draft.clear) : null;
  const stuck = draft.advanced && typed && !simple;
  const unreadable =
    stuck && Boolean(conditionProblem(draft.expression, false) ?? conditionProblem(draft.clear, false));

  function toggleAdvanced() {
    if (draft.advanced) set({ advanced: false, built: simple ?? { op: ">", threshold: "", clearThreshold: "" } });
    else {
      const texts = conditionTexts(draft.built);
      set({ advanced: true, expression: texts.expression ?? "", clear: texts.clear ?? "" });
    }
  }

  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Metric"
          list={listId}
          value={draft.metric}
          onChange={(e) => set({ metric: e.target.value })}
          error={errorOf("metric")}
          autoComplete="off"
          hint={
            !loaded
              ? "Loading the metrics with data…"
              : metrics.length
                ? "Metrics with data are suggested; one without data yet may be typed."
                : "No metrics have data yet; type the name devices will send."
          }
        />
        <datalist id={listId}>
          {metrics.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <SelectField
          label="Watch"
          value={keyOf(draft.dimensions)}
          options={series.map(({ set: one, label }) => ({ value: keyOf(one), label }))}
          onChange={(e) => set({ dimensions: series.find(({ set: one }) => keyOf(one) === e.target.value)!.set })}
          error={errorOf("dimensions")}
          hint="Each device on its own fires for that device."
        />
        <SelectField
          label="Statistic"
          value={draft.statistic}
          options={STATISTICS.map((statistic) => ({ value: statistic, label: STATISTIC_LABELS[statistic] }))}
          onChange={(e) => set({ statistic: e.target.value as Statistic })}
          error={errorOf("statistic")}
        />
        <SelectField
          label="Over (minutes)"
          value={draft.periodMinutes}
          options={periods.map((minutes) => ({ value: minutes, label: `${minutes} min` }))}
          onChange={(e) => set({ periodMinutes: e.target.value })}
          error={errorOf("period")}
        />
      </div>
      {draft.advanced ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Condition"
            value={draft.expression}
            onChange={(e) => set({ expression: e.target.value })}
            error={errorOf("expression")}
            spellCheck={false}
            className="font-mono"
            hint="Compare value (or min, max, avg, sum, count of the period) with numbers: > >= < <= == !=, joined with and, or, not and parentheses."
          />
          <TextField
            label="Clears when (optional)"
            value={draft.clear}
            onChange={(e) => set({ clear: e.target.value })}
            error={errorOf("clear")}
            spellCheck={false}
            hint="Empty: as soon as the condition no longer holds."
          />
        </div>
      ) : (
        <fieldset className="grid gap-3 sm:grid-cols-[auto_1fr_1fr] sm:items-start">
          <legend className="mb-1 text-sm font-medium">Condition</legend>
          <span className="pt-7 text-sm font-medium">value</span>
          <SelectField
            label="Comparison"
            value={draft.built.op}
            options={BUILDER_OPS}
            onChange={(e) => setBuilt({ op: e.target.value as CompareOp })}
          />
          <TextField
            label="Threshold"
            type="number"
            step="any"
            inputMode="decimal"
            value={draft.built.threshold}
            onChange={(e) => setBuilt({ threshold: e.target.value })}
            error={errorOf("expression")}
          />
        </fieldset>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="For (minutes)"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={draft.holdMinutes}
          onChange={(e) => set({ holdMinutes: e.target.value })}
          error={errorOf("hold")}
          hint="How long the condition must hold before it fires; 0 fires at once."
        />
        {!draft.advanced && hasClearThreshold(draft.built.op) && (
          <TextField
            label={`${clearLabel(draft.built.op)} (optional)`}
            type="number"
            step="any"
            inputMode="decimal"
            value={draft.built.clearThreshold}
            onChange={(e) => setBuilt({ clearThreshold: e.target.value })}
            error={errorOf("clear")}
            hint="A gap from the threshold stops it firing again and again near it. Empty: as soon as the condition no longer holds."
          />
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button look="quiet" onClick={toggleAdvanced} disabled={stuck}>
          {draft.advanced ? "Use the simple condition" : "Advanced: write the condition"}
        </Button>
        {stuck && (
          <span className="text-xs text-muted">
            {unreadable
              ? "Correct or empty the condition first: the simple form shows only one that reads."
              : "This condition is more than one comparison of the value."}
          </span>
        )}
      </div>
    </div>
  );
}
