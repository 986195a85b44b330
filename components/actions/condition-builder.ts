import { parseCondition, thresholdOf, type CompareOp } from "@/lib/actions/condition";
import { METRIC_VARIABLES } from "@/lib/actions/episode";

// The action form writes a metric condition as "value [>] [30]" and its clear threshold as one
// number, and turns them into the grammar's text (lib/actions/condition.ts) for the API. A
// condition the builder cannot show (two comparisons, "not"…) stays text: the form opens it in
// its advanced field instead of losing it.

export const BUILDER_OPS: ReadonlyArray<{ value: CompareOp; label: string }> = [
  { value: ">", label: "is above (>)" },
  { value: ">=", label: "is at least (≥)" },
  { value: "<", label: "is below (<)" },
  { value: "<=", label: "is at most (≤)" },
  { value: "==", label: "equals (=)" },
  { value: "!=", label: "is not (≠)" },
];

/** What the builder shows: a comparison of the value with a threshold, and where it clears (empty: when it no longer holds). */
export interface BuiltCondition {
  op: CompareOp;
  threshold: string;
  clearThreshold: string;
}

const rising = (op: CompareOp) => op === ">" || op === ">=";
const falling = (op: CompareOp) => op === "<" || op === "<=";

/** Whether a clear threshold means anything for this comparison (one with a direction). */
export const hasClearThreshold = (op: CompareOp) => rising(op) || falling(op);

/** How the form words the clear threshold for this comparison. */
export const clearLabel = (op: CompareOp) =>
  falling(op) ? "Clears when the value rises back above" : "Clears when the value falls back below";

/** A number as the grammar writes it; null when the text is none. */
function numberOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The grammar's text of the builder's condition and clear; null fields when a threshold is not a number. */
export function conditionTexts(built: BuiltCondition): { expression: string | null; clear: string | null } {
  const threshold = numberOf(built.threshold);
  const clearAt = numberOf(built.clearThreshold);
  const expression = threshold === null ? null : `value ${built.op} ${threshold}`;
  if (built.clearThreshold.trim() === "" || !hasClearThreshold(built.op)) return { expression, clear: "" };
  return { expression, clear: clearAt === null ? null : `value ${falling(built.op) ? ">" : "<"} ${clearAt}` };
}

/**
 * The builder's view of a stored condition and clear, or null when either needs the advanced
 * field: a condition other than one comparison of the value, or a clear that is not the way
 * back past a threshold in the opposite direction.
 */
export function builtConditionOf(expression: string, clear: string): BuiltCondition | null {
  const parsed = parseCondition(expression);
  const fire = parsed.ok ? thresholdOf(parsed.condition) : null;
  if (!fire) return null;
  const built = { op: fire.op, threshold: String(fire.threshold), clearThreshold: "" };
  if (clear.trim() === "") return built;
  const parsedClear = parseCondition(clear);
  const back = parsedClear.ok ? thresholdOf(parsedClear.condition) : null;
  const opposite = back && ((rising(fire.op) && back.op === "<") || (falling(fire.op) && back.op === ">"));
  return opposite ? { ...built, clearThreshold: String(back.threshold) } : null;
}

/**
 * A typed condition's problem as the API words it, or undefined when it reads (empty is allowed
 * where optional). It may use the names the engine gives a metric condition.
 */
export function conditionProblem(text: string, required: boolean): string | undefined {
  if (text.trim() === "") return required ? "Write a condition, e.g. value > 30" : undefined;
  const parsed = parseCondition(text, METRIC_VARIABLES);
  return parsed.ok ? undefined : parsed.message;
}
