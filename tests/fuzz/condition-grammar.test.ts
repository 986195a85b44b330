import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONDITION_LIMITS,
  describeCondition,
  evaluateCondition,
  parseCondition,
  type CompareOp,
  type Condition,
  type Operand,
} from "../../lib/actions/condition";

// The condition grammar against hostile and random text: every input gets an answer (never an
// exception), an accepted condition uses only the names allowed and evaluates without throwing
// for any values, its canonical text reads back to the same condition, and code is refused.
// A failure prints its seed; FUZZ_SEED=<seed> replays it.

const NAMES = ["value", "count", "min", "max", "avg", "sum"];
const OPS: CompareOp[] = [">", ">=", "<", "<=", "==", "!="];
const settings = { numRuns: 2000, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined };

/** Values to evaluate with: numbers of every kind, names missing, and names objects inherit. */
const VALUES: fc.Arbitrary<Record<string, number>> = fc.dictionary(
  fc.constantFrom(...NAMES, "constructor", "__proto__", "toString"),
  fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0)),
);

function namesIn(condition: Condition): string[] {
  const operandNames = (operand: Operand) => (operand.kind === "name" ? [operand.name] : []);
  switch (condition.kind) {
    case "compare":
      return [...operandNames(condition.left), ...operandNames(condition.right)];
    case "not":
      return namesIn(condition.condition);
    default:
      return condition.conditions.flatMap(namesIn);
  }
}

/** What must hold of any answer to any text. */
function checkAnswer(text: string, vars: Record<string, number>): void {
  const answer = parseCondition(text, NAMES);
  if (!answer.ok) {
    expect(answer.message).toMatch(/\S/);
    expect(Number.isInteger(answer.at) && answer.at >= 0 && answer.at <= text.length).toBe(true);
    return;
  }
  expect(text.length).toBeLessThanOrEqual(CONDITION_LIMITS.length);
  expect(namesIn(answer.condition).every((name) => NAMES.includes(name))).toBe(true);
  expect(typeof evaluateCondition(answer.condition, vars)).toBe("boolean");
  const canonical = describeCondition(answer.condition);
  expect(parseCondition(canonical, NAMES)).toEqual({ ok: true, condition: answer.condition });
}

// Words of the grammar beside words of JavaScript, so soups land near both.
const WORDS = [
  ...NAMES,
  ...OPS,
  "and",
  "or",
  "not",
  "&&",
  "||",
  "!",
  "(",
  ")",
  "-",
  "30",
  "-10",
  "1.5",
  ".5",
  "1e3",
  "2.5E-3",
  "1e999",
  "NaN",
  "Infinity",
  "=",
  "===",
  "=>",
  ".",
  ",",
  ";",
  "`",
  "${",
  "}",
  "'",
  '"',
  "[",
  "]",
  "{",
  "+",
  "*",
  "?",
  ":",
  "process",
  "constructor",
  "__proto__",
  "prototype",
  "this",
  "globalThis",
  "require",
  "import",
  "eval",
  "Function",
  "new",
  "return",
  "toString",
  "\u0000",
  "\u2028",
  "é",
  "😀",
];
const SPACES = fc.constantFrom("", " ", "  ", "\t", "\n");
const SOUP = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), SPACES), { maxLength: 40 })
  .map((parts) => parts.map(([word, space]) => word + space).join(""));

// Conditions built as trees, flattened as the parser flattens and/or chains.
const OPERAND: fc.Arbitrary<Operand> = fc.oneof(
  fc.constantFrom(...NAMES).map((name) => ({ kind: "name" as const, name })),
  // Small integers make comparisons between them likely; "+ 0": the parser reads -0 as 0.
  fc
    .oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .map((value) => ({ kind: "number" as const, value: value + 0 })),
);
function joined(kind: "and" | "or", parts: Condition[]): Condition {
  return { kind, conditions: parts.flatMap((part) => (part.kind === kind ? part.conditions : [part])) };
}
const { tree: TREE } = fc.letrec<{ tree: Condition }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("compare" as const), op: fc.constantFrom(...OPS), left: OPERAND, right: OPERAND }),
    tie("tree").map((condition) => ({ kind: "not" as const, condition })),
    fc
      .tuple(fc.constantFrom("and" as const, "or" as const), fc.array(tie("tree"), { minLength: 2, maxLength: 3 }))
      .map(([kind, parts]) => joined(kind, parts)),
  ),
}));

describe("the condition grammar under fuzzing", () => {
  it("answers any string, in any alphabet, without throwing", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ maxLength: 80, unit: "binary" }),
      fc.string({ maxLength: 600, unit: fc.constantFrom(..."value<>=!&|()-.e0123456789 andortv") }),
    );
    fc.assert(fc.property(text, VALUES, checkAnswer), settings);
  });

  it("answers soups of grammar and JavaScript tokens without throwing", () => {
    fc.assert(fc.property(SOUP, VALUES, checkAnswer), settings);
  });

  it("reads back the canonical text of any condition within the limits", () => {
    fc.assert(
      fc.property(TREE, VALUES, (condition, vars) => {
        const text = describeCondition(condition);
        const answer = parseCondition(text, NAMES);
        if (answer.ok) {
          expect(answer.condition).toEqual(condition);
          expect(evaluateCondition(answer.condition, vars)).toBe(evaluateCondition(condition, vars));
        } else {
          expect(answer.message).toMatch(/^(Too long|Nested too deeply)/);
        }
      }),
      settings,
    );
  });
});

describe("code is refused", () => {
  it.each([
    ["process.exit(1)", 'Unknown name "process" at 1: use value, count, min, max, avg or sum'],
    [
      'constructor.constructor("return 1")()',
      'Unknown name "constructor" at 1: use value, count, min, max, avg or sum',
    ],
    ["this", 'Unknown name "this" at 1: use value, count, min, max, avg or sum'],
    ["globalThis", 'Unknown name "globalThis" at 1: use value, count, min, max, avg or sum'],
    ["__proto__", 'Unknown name "__proto__" at 1: use value, count, min, max, avg or sum'],
    ["value.toString()", 'Unexpected "." at 6'],
    ["value > 1 || value.constructor", 'Unexpected "." at 19'],
    ["`${value}`", 'Unexpected "`" at 1'],
    ["value > `${1}`", 'Unexpected "`" at 9'],
    ["require('fs')", 'Unknown name "require" at 1: use value, count, min, max, avg or sum'],
    ["import('fs')", 'Unknown name "import" at 1: use value, count, min, max, avg or sum'],
    ["value; while(true){}", 'Unexpected ";" at 6'],
    ["value > 1; process.exit(1)", 'Unexpected ";" at 10'],
    ["value > 1 /* */", 'Unexpected "/" at 11'],
    ["value > 1 // comment", 'Unexpected "/" at 11'],
    ["globalThis.pwned = 1", 'Unknown name "globalThis" at 1: use value, count, min, max, avg or sum'],
    ["value > (() => 1)()", "Expected a number or a name at 11"],
    ["value > [1][0]", 'Unexpected "[" at 9'],
    ["value > {}", 'Unexpected "{" at 9'],
    ["value > 1 ? 1 : 0", 'Unexpected "?" at 11'],
    ["value > 0x1F", '"0x1F" is not a number at 9'],
    ["value > 1_000", '"1_000" is not a number at 9'],
    ["value > 10n", '"10n" is not a number at 9'],
    ["value > NaN", "NaN at 9 is not allowed: write a number such as 30"],
    ["value < Infinity", "Infinity at 9 is not allowed: write a number such as 30"],
    ["value > -Infinity", "Infinity at 10 is not allowed: write a number such as 30"],
    ["value\u2028> 1 \u0000", "Unexpected character U+0000 at 11"],
  ])("%j", (text, message) => {
    const answer = parseCondition(text, NAMES);
    expect(answer).toMatchObject({ ok: false, message });
    expect(globalThis).not.toHaveProperty("pwned");
  });

  it.each([
    ["10,000 nested parentheses", `${"(".repeat(10_000)}value > 1${")".repeat(10_000)}`, /^Too long: /],
    ["10,000 unclosed parentheses", "(".repeat(10_000), /^Too long: /],
    ["parentheses nested past the limit", `${"(".repeat(240)}value > 1${")".repeat(240)}`, /^Nested too deeply at 33/],
    ["not past the limit", `${"!".repeat(480)}(value > 1)`, /^Nested too deeply at 33/],
    ["a 1 MB string", "value > 1 and ".repeat(75_000), /^Too long: /],
    ["a 1 MB number", `value > ${"9".repeat(1_000_000)}`, /^Too long: /],
  ])("%s", (_, text, message) => {
    expect(parseCondition(text, NAMES)).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });
});
