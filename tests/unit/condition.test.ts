import { describe, expect, it } from "vitest";
import {
  CONDITION_LIMITS,
  describeCondition,
  evaluateCondition,
  parseCondition,
  thresholdOf,
  type Condition,
} from "../../lib/actions/condition";

// The condition grammar of actions: what a fleet manager may write, what each refusal says and
// where, how conditions evaluate, and the canonical text they are stored as.

const ENGINE_NAMES = ["value", "count", "min", "max", "avg", "sum"];

function parsed(text: string, variables?: readonly string[]): Condition {
  const answer = parseCondition(text, variables);
  if (!answer.ok) throw new Error(`refused ${JSON.stringify(text)}: ${answer.message}`);
  return answer.condition;
}

function holds(text: string, vars: Record<string, number>): boolean {
  return evaluateCondition(parsed(text, ENGINE_NAMES), vars);
}

describe("conditions a fleet manager writes", () => {
  it.each([
    ["value > 30", "value > 30"],
    ["value >= 30 and value < 50", "value >= 30 and value < 50"],
    ["value < -10 or value > 40", "value < -10 or value > 40"],
    ["not (value == 0)", "not (value == 0)"],
    ["value != 1.5", "value != 1.5"],
    ["  value>30  ", "value > 30"],
    ["value >= 1e3 && !(value == .5) || value <= 2.5E-3", "value >= 1000 and not (value == 0.5) or value <= 0.0025"],
    ["value > 1 AND value < 3 Or NOT (value == 2)", "value > 1 and value < 3 or not (value == 2)"],
    ["(value > 1 or value < 0) and value != 5", "(value > 1 or value < 0) and value != 5"],
    ["value > 1 and (value < 3 and value != 2)", "value > 1 and value < 3 and value != 2"],
    ["(value) > - 3", "value > -3"],
    ["-0 < value", "0 < value"],
    ["not not (value > 1)", "not not (value > 1)"],
    ["30 < value", "30 < value"],
  ])("reads %j as %j", (text, canonical) => {
    expect(describeCondition(parsed(text))).toBe(canonical);
    expect(parsed(canonical)).toEqual(parsed(text));
  });

  it("uses only the names it is given", () => {
    expect(describeCondition(parsed("count >= 3 and avg < 20.5", ENGINE_NAMES))).toBe("count >= 3 and avg < 20.5");
    expect(parseCondition("count >= 3")).toEqual({ ok: false, message: 'Unknown name "count" at 1: use value', at: 0 });
  });
});

describe("refusals, with a message and where", () => {
  it.each([
    ["", "Write a condition, e.g. value > 30", 0],
    ["   ", "Write a condition, e.g. value > 30", 0],
    ["value", "A condition compares a value, e.g. value > 30", 0],
    ["(30)", "A condition compares a value, e.g. value > 30", 0],
    ["process.exit(1)", 'Unknown name "process" at 1: use value', 0],
    ["Value > 3", 'Unknown name "Value" at 1: use value', 0],
    ["value.toString() > 1", 'Unexpected "." at 6', 5],
    ["value > 'a'", 'Unexpected "\'" at 9', 8],
    ["value > 1 \u0000", "Unexpected character U+0000 at 11", 10],
    ["value = 3", 'Unexpected "=" at 7: use == to compare (>= and <= for at least and at most)', 6],
    ["value ≥ 3", 'Unexpected "≥" at 7: use >=', 6],
    ["value > +3", 'Unexpected "+" at 9: write the number without +', 8],
    ["value > 3 & value < 5", 'Unexpected "&" at 11: use and', 10],
    ["value > 3 and", "Expected a number or a name at the end", 13],
    ["value > > 3", "Expected a number or a name at 9", 8],
    ["value > 3 )", 'Unexpected ")" at 11', 10],
    ["value > 3 value", 'Unexpected "value" at 11: expected "and", "or" or the end', 10],
    ["(value > 3", "Missing ) at the end: close the ( at 1", 10],
    ["(value > 3 3)", 'Unexpected "3" at 12: expected )', 11],
    ["1 < value < 5", "Compare one pair at a time at 11: e.g. value > 10 and value < 20", 10],
    ["not value > 3", '"not" at 1 needs a comparison in parentheses: e.g. not (value > 30)', 0],
    ["!value", '"!" at 1 needs a comparison in parentheses: e.g. not (value > 30)', 0],
    ["value > 3 and 4", '"and" joins two comparisons at 15: e.g. value > 0 and value < 5', 14],
    ["value or value > 3", '"or" joins two comparisons at 1: e.g. value > 0 or value < 5', 0],
    [
      "value > (value > 2)",
      '> compares numbers and names, not comparisons at 9: join comparisons with "and" or "or"',
      8,
    ],
    ["- value > 3", "A minus sign goes before a number at 1", 0],
    ["value > --3", "A minus sign goes before a number at 9", 8],
    ["NaN < value", "NaN at 1 is not allowed: write a number such as 30", 0],
    ["value > Infinity", "Infinity at 9 is not allowed: write a number such as 30", 8],
    ["value > 1e999", '"1e999" is too large a number at 9', 8],
    ["value > -1e999", '"1e999" is too large a number at 10', 9],
    ["value > 30abc", '"30abc" is not a number at 9', 8],
    ["value > 1.2.3", '"1.2.3" is not a number at 9', 8],
    ["value > 0x10", '"0x10" is not a number at 9', 8],
  ])("refuses %j: %s", (text, message, at) => {
    expect(parseCondition(text)).toEqual({ ok: false, message, at });
  });

  it("refuses a text past the length limit before reading it", () => {
    expect(parseCondition("value > 1".padEnd(CONDITION_LIMITS.length)).ok).toBe(true);
    expect(parseCondition("value > 1".padEnd(CONDITION_LIMITS.length + 1))).toEqual({
      ok: false,
      message: `Too long: a condition has at most ${CONDITION_LIMITS.length} characters`,
      at: CONDITION_LIMITS.length,
    });
  });

  it("refuses more parts than the limit, at the first one too many, and does not count parentheses", () => {
    const comparisons = (count: number) => Array.from({ length: count }, (_, i) => `value != ${i}`).join(" or ");
    // n comparisons are 4n - 1 parts: 16 fit in 64, the 17th is one too many from its start.
    expect(parseCondition(comparisons(16)).ok).toBe(true);
    expect(parseCondition(comparisons(16).replaceAll(/value != \d+/g, (part) => `((${part}))`)).ok).toBe(true);
    const refused = parseCondition(comparisons(17));
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too long at \d+: a condition has at most 64 parts$/),
    });
    expect(comparisons(17).slice(refused.ok ? 0 : refused.at)).toBe("value != 16");
  });

  it("refuses nesting past the depth limit", () => {
    const nested = (depth: number) => `${"(".repeat(depth)}value > 1${")".repeat(depth)}`;
    expect(parseCondition(nested(CONDITION_LIMITS.depth)).ok).toBe(true);
    expect(parseCondition(nested(CONDITION_LIMITS.depth + 1))).toEqual({
      ok: false,
      message: "Nested too deeply at 33: at most 32 levels",
      at: 32,
    });
    expect(parseCondition(`${"not ".repeat(CONDITION_LIMITS.depth + 1)}(value > 1)`)).toMatchObject({
      ok: false,
      message: "Nested too deeply at 129: at most 32 levels",
    });
  });
});

describe("precedence: not, then comparison, then and, then or", () => {
  it("binds and tighter than or", () => {
    const condition = parsed("value < 0 or value > 10 and value < 20");
    expect(condition).toMatchObject({ kind: "or", conditions: [{ kind: "compare" }, { kind: "and" }] });
    expect(evaluateCondition(condition, { value: -5 })).toBe(true);
    expect(evaluateCondition(condition, { value: 25 })).toBe(false);
    expect(describeCondition(parsed("(value < 0 or value > 10) and value < 20"))).toBe(
      "(value < 0 or value > 10) and value < 20",
    );
  });

  it("binds not tighter than and, or and comparison", () => {
    const condition = parsed("not (value > 10) and value > 0");
    expect(condition).toMatchObject({ kind: "and", conditions: [{ kind: "not" }, { kind: "compare" }] });
    expect(evaluateCondition(condition, { value: 5 })).toBe(true);
    expect(evaluateCondition(condition, { value: 15 })).toBe(false);
    // "not value" would be compared with 3: refused rather than read either way.
    expect(parseCondition("not value > 3").ok).toBe(false);
  });

  it("binds comparison tighter than and", () => {
    expect(parsed("value > 1 and value < 3")).toMatchObject({
      kind: "and",
      conditions: [
        { kind: "compare", op: ">" },
        { kind: "compare", op: "<" },
      ],
    });
  });
});

describe("evaluation", () => {
  it.each([
    ["value > 30", 30, false],
    ["value > 30", 30.5, true],
    ["value >= 30", 30, true],
    ["value < -10 or value > 40", -11, true],
    ["value < -10 or value > 40", 0, false],
    ["value >= 30 and value < 50", 49.9, true],
    ["value >= 30 and value < 50", 50, false],
    ["value == 1.5", 1.5, true],
    ["value != 1.5", 1.5, false],
    ["value <= 2.5e-3", 0.0025, true],
    ["not (value == 0)", 0, false],
  ])("%j with value %d is %s", (text, value, expected) => {
    expect(holds(text, { value })).toBe(expected);
  });

  it("compares several names", () => {
    expect(holds("count >= 3 and max > 40", { count: 3, max: 41 })).toBe(true);
    expect(holds("count >= 3 and max > 40", { count: 2, max: 41 })).toBe(false);
  });

  it("makes a comparison with a missing or NaN value false, != included", () => {
    const missing: Record<string, number>[] = [{}, { value: NaN }, { count: 1 }];
    for (const vars of missing) {
      expect(holds("value > 1", vars)).toBe(false);
      expect(holds("value <= 1", vars)).toBe(false);
      expect(holds("value != 1", vars)).toBe(false);
      expect(holds("not (value > 1)", vars)).toBe(true);
    }
  });

  it("reads only the values' own numbers: nothing inherited, nothing else", () => {
    const inherited = Object.create({ value: 40 }) as Record<string, number>;
    expect(holds("value > 30", inherited)).toBe(false);
    const text = { value: "40" } as unknown as Record<string, number>;
    expect(holds("value > 30", text)).toBe(false);
    const condition = parsed("constructor != 1 or toString != 1", ["constructor", "toString"]);
    expect(evaluateCondition(condition, {})).toBe(false);
    expect(evaluateCondition(condition, { toString: 2 })).toBe(true);
  });
});

describe("the threshold a form shows", () => {
  it.each([
    ["value > 30", { op: ">", threshold: 30 }],
    ["value <= -2.5", { op: "<=", threshold: -2.5 }],
    ["30 < value", { op: ">", threshold: 30 }],
    ["30 >= value", { op: "<=", threshold: 30 }],
    ["value != 0", { op: "!=", threshold: 0 }],
    ["value > 30 and value < 50", null],
    ["not (value > 30)", null],
    ["count > 30", null],
    ["count > value", null],
    ["1 < 2", null],
  ])("%j gives %j", (text, threshold) => {
    expect(thresholdOf(parsed(text, ENGINE_NAMES))).toEqual(threshold);
  });
});
