import { AUDIT_ACTIONS } from "@/lib/contracts/audit";
import { SelectField, TextField } from "../ui/field";

/** The filters as the inputs hold them: `from` and `to` are `datetime-local` values in the reader's zone. */
export interface AuditFilterValues {
  action: string;
  actor: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: "", actor: "", from: "", to: "" };

const ACTIONS = [{ value: "", label: "Any" }, ...AUDIT_ACTIONS.map((action) => ({ value: action, label: action }))];

/** A local `datetime-local` value as the UTC instant the API compares; empty or unreadable is no bound. */
function isoOf(local: string, endOfMinute: boolean): string | undefined {
  const date = new Date(local);
  if (!local || Number.isNaN(date.getTime())) return undefined;
  // The input stops at minutes: "to 10:30" should still include what happened at 10:30:45.
  const extra = endOfMinute && local.length <= 16 ? 59_999 : 0;
  return new Date(date.getTime() + extra).toISOString();
}

/** The find body (docs/api.md#lists): exact `action` and `actor` (its label), and the time range. */
export function auditBody(values: AuditFilterValues): Record<string, string> {
  const body: Record<string, string> = {};
  if (values.action) body.action = values.action;
  if (values.actor.trim()) body.actor = values.actor.trim();
  const from = isoOf(values.from, false);
  const to = isoOf(values.to, true);
  if (from) body.created__gte = from;
  if (to) body.created__lte = to;
  return body;
}

interface AuditFiltersProps {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
  /** The API's message for a body field, to show on the input that produced it. */
  fieldError: (name: string) => string | undefined;
}

export function AuditFilters({ values, onChange, fieldError }: AuditFiltersProps) {
  const set = (key: keyof AuditFilterValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <fieldset className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <legend className="sr-only">Filter the trail</legend>
      <SelectField
        label="Action"
        options={ACTIONS}
        value={values.action}
        error={fieldError("action")}
        onChange={(e) => set("action")(e.target.value)}
      />
      <TextField
        label="Actor"
        type="search"
        value={values.actor}
        placeholder="alice@example.com"
        hint="The exact label: an email, token name or device ID."
        spellCheck={false}
        error={fieldError("actor")}
        onChange={(e) => set("actor")(e.target.value)}
      />
      <TextField
        label="From"
        type="datetime-local"
        value={values.from}
        max={values.to || undefined}
        error={fieldError("created__gte")}
        onChange={(e) => set("from")(e.target.value)}
      />
      <TextField
        label="To"
        type="datetime-local"
        value={values.to}
        min={values.from || undefined}
        error={fieldError("created__lte")}
        onChange={(e) => set("to")(e.target.value)}
      />
    </fieldset>
  );
}
