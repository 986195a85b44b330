"use client";
import { useId, useState, type FormEvent } from "react";
import { EVERY_VALUE, PICKED_DEVICE, WIDGET_TYPES, widgetSchema, type Widget } from "@/lib/contracts/dashboard";
import { fieldErrorsOf } from "@/lib/contracts/field-errors";
import { DEFAULT_NAMESPACE, STATISTICS, type DimensionSet } from "@/lib/contracts/metric";
import { bottomOf } from "@/lib/dashboards/layout";
import { Dialog } from "../ui/dialog";
import { SelectField, TextArea, TextField } from "../ui/field";
import { FormFooter } from "../ui/form-footer";
import { useMetricList } from "../metrics/use-metric-list";

const TYPE_LABELS: Record<Widget["type"], string> = {
  graph: "Graph",
  gauge: "Gauge",
  numeric: "Numeric (latest value)",
  table: "Table",
  text: "Text",
  alerts: "Alerts",
};
const HEIGHTS: Record<Widget["type"], number> = { graph: 5, gauge: 3, numeric: 2, table: 4, text: 2, alerts: 3 };
/** Unique within a dashboard: the time and a few random characters. */
function newWidgetId(): string {
  return `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
const usesMetric = (type: Widget["type"]) => type !== "text" && type !== "alerts";
const PICKED: DimensionSet = { Device: PICKED_DEVICE };
const EVERY_DEVICE: DimensionSet = { Device: EVERY_VALUE };
const setKey = (set: DimensionSet) => JSON.stringify(Object.entries(set).sort());
const setLabel = (set: DimensionSet) =>
  setKey(set) === setKey(PICKED)
    ? "The device picked on the page"
    : setKey(set) === setKey(EVERY_DEVICE)
      ? "Every device (one series each)"
      : Object.entries(set)
          .map(([name, value]) => `${name}=${value}`)
          .join(", ") || "Whole account (no dimensions)";

/** Describes a new widget; it joins the draft below the others (saved with the dashboard). */
export function AddWidgetDialog({
  open,
  widgets,
  onClose,
  onAdd,
}: {
  open: boolean;
  widgets: readonly Widget[];
  onClose: () => void;
  onAdd: (widget: Widget) => void;
}) {
  const listId = useId();
  const [type, setType] = useState<Widget["type"]>("graph");
  const [title, setTitle] = useState("");
  const [metric, setMetric] = useState("");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set([setKey(PICKED)]));
  const [statistic, setStatistic] = useState<Widget["statistic"]>("avg");
  const [units, setUnits] = useState("");
  const [min, setMin] = useState("");
  const [max, setMax] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { loaded, metrics, sets } = useMetricList(metric);
  const choices = [PICKED, EVERY_DEVICE, ...sets.filter((set) => setKey(set) !== setKey(PICKED))];

  function toggle(set: DimensionSet) {
    const next = new Set(chosen);
    if (!next.delete(setKey(set))) next.add(setKey(set));
    setChosen(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const number = (value: string) => (value.trim() === "" ? undefined : Number(value));
    const dimensions = choices.filter((set) => chosen.has(setKey(set)));
    const parsed = widgetSchema.safeParse({
      id: newWidgetId(),
      type,
      title,
      top: bottomOf(widgets),
      left: 0,
      width: type === "graph" || type === "table" ? 12 : 4,
      height: HEIGHTS[type],
      namespace: DEFAULT_NAMESPACE,
      ...(usesMetric(type) ? { metric, dimensions, statistic, units } : {}),
      ...(type === "gauge" ? { min: number(min), max: number(max) } : {}),
      ...(type === "text" ? { text } : {}),
    });
    const found = parsed.success ? {} : Object.fromEntries(fieldErrorsOf(parsed.error).map((f) => [f.name, f.message]));
    if (usesMetric(type) && !metric.trim()) found.metric = "Choose a metric";
    if (usesMetric(type) && dimensions.length === 0) found.dimensions = "Choose at least one series";
    setErrors(found);
    if (parsed.success && Object.keys(found).length === 0) {
      onAdd(parsed.data);
      onClose();
    }
  }

  return (
    <Dialog open={open} title="Add a widget" onClose={onClose}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <SelectField
          label="Type"
          value={type}
          onChange={(e) => setType(e.target.value as Widget["type"])}
          options={WIDGET_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
        />
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
        {usesMetric(type) && (
          <>
            <TextField
              label="Metric"
              list={listId}
              value={metric}
              onChange={(e) => setMetric(e.target.value)}
              error={errors.metric}
              hint={
                !loaded
                  ? "Loading the metrics with data…"
                  : metrics.length
                    ? "Metrics with data are suggested; a metric without data yet may be typed."
                    : "No metrics have data yet; type the name a device will send."
              }
              autoComplete="off"
            />
            <datalist id={listId}>
              {metrics.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <fieldset className="text-sm">
              <legend className="font-medium">Series</legend>
              {choices.map((set) => (
                <label key={setKey(set)} className="mt-1 flex items-center gap-2">
                  <input type="checkbox" checked={chosen.has(setKey(set))} onChange={() => toggle(set)} />
                  {setLabel(set)}
                </label>
              ))}
              {errors.dimensions && <p className="mt-1 text-xs text-danger">{errors.dimensions}</p>}
            </fieldset>
            <div className="grid grid-cols-2 gap-3">
              <SelectField
                label="Statistic"
                value={statistic}
                onChange={(e) => setStatistic(e.target.value as Widget["statistic"])}
                options={STATISTICS.map((s) => ({ value: s, label: s }))}
              />
              <TextField
                label="Units"
                value={units}
                onChange={(e) => setUnits(e.target.value)}
                error={errors.units}
                placeholder="°C"
              />
            </div>
          </>
        )}
        {type === "gauge" && (
          <div className="grid grid-cols-2 gap-3">
            <TextField
              label="Scale from"
              type="number"
              value={min}
              onChange={(e) => setMin(e.target.value)}
              placeholder="0"
              error={errors.min}
            />
            <TextField
              label="Scale to"
              type="number"
              value={max}
              onChange={(e) => setMax(e.target.value)}
              placeholder="100"
              error={errors.max}
            />
          </div>
        )}
        {type === "text" && (
          <TextArea label="Text" rows={4} value={text} onChange={(e) => setText(e.target.value)} error={errors.text} />
        )}
        <FormFooter label="Add widget" pendingLabel="Adding…" pending={false} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
