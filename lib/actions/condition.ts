// The conditions of actions ("value > 30", "value < -10 or value > 40"), typed by fleet managers
// and stored as text. They are read by this small hand-written parser, which knows numbers, a fixed
// set of names, six comparisons, and/or/not and parentheses, and nothing else: the text never
// reaches eval or Function, so no input can call, read or build anything. Every refusal is an
// answer (ok: false, a message a non-programmer can act on, and where), never an exception, and
// the length, token and nesting limits bound both the work and the depth of the tree.
// Browser-safe: the action form reads conditions with it too.

import { CONDITION_LIMITS, Lexer, quoted, Refusal, where, type Token, type TokenKind } from "./condition-lexer";

export type CompareOp = ">" | ">=" | "<" | "<=" | "==" | "!=";
export type Operand = { kind: "number"; value: number } | { kind: "name"; name: string };
/** A parsed condition: and/or hold two or more conditions, flattened so each has one shape. */
export type Condition =
  | { kind: "compare"; op: CompareOp; left: Operand; right: Operand }
  | { kind: "not"; condition: Condition }
  | { kind: "and" | "or"; conditions: readonly Condition[] };
/** `at` is the 0-based offset of the problem in the text; messages count columns from 1. */
export type ParsedCondition = { ok: true; condition: Condition } | { ok: false; message: string; at: number };

export { CONDITION_LIMITS };
const DEFAULT_VARIABLES: readonly string[] = ["value"];
const EXAMPLE = "e.g. value > 30";
const NOT_NUMBERS = new Set(["nan", "infinity"]);

// While parsing, an expression is either a truth (a condition) or a number (an operand); the
// operators check which they were given, so "value and 3" or a bare "value" is refused by name.
type Expression = { at: number } & ({ type: "truth"; condition: Condition } | { type: "number"; operand: Operand });

/**
 * Recursive descent, loosest first: or, and, comparison, then not and parentheses (not binds
 * tightest, so "not value > 30" is refused and asks for "not (value > 30)").
 */
class Parser {
  private token: Token;
  private depth = 0;
  private readonly lexer: Lexer;

  constructor(
    private readonly text: string,
    private readonly variables: readonly string[],
  ) {
    this.lexer = new Lexer(text);
    this.token = this.lexer.next();
  }

  condition(): Condition {
    if (this.is("end")) throw new Refusal(`Write a condition, ${EXAMPLE}`, 0);
    const expression = this.or();
    if (!this.is("end")) {
      throw this.unexpected(this.is(")") ? "" : ': expected "and", "or" or the end');
    }
    if (expression.type !== "truth") throw new Refusal(`A condition compares a value, ${EXAMPLE}`, expression.at);
    return expression.condition;
  }

  private or(): Expression {
    return this.joined("or", () => this.and());
  }

  private and(): Expression {
    return this.joined("and", () => this.comparison());
  }

  /** A chain of `kind` (left to right, all the same meaning), flattened into one node. */
  private joined(kind: "and" | "or", operand: () => Expression): Expression {
    const first = operand();
    if (!this.is(kind)) return first;
    const conditions = [this.truth(first, kind)];
    while (this.is(kind)) {
      this.advance();
      conditions.push(this.truth(operand(), kind));
    }
    const flat = conditions.flatMap((condition) => (condition.kind === kind ? condition.conditions : [condition]));
    return { type: "truth", at: first.at, condition: { kind, conditions: flat } };
  }

  private comparison(): Expression {
    const left = this.unary();
    if (!this.is("compare")) return left;
    const op = this.token.text as CompareOp;
    this.advance();
    const right = this.unary();
    if (this.is("compare")) {
      throw new Refusal(
        `Compare one pair at a time ${where(this.token.at, this.text)}: e.g. value > 10 and value < 20`,
        this.token.at,
      );
    }
    const condition: Condition = { kind: "compare", op, left: this.number(left, op), right: this.number(right, op) };
    return { type: "truth", at: left.at, condition };
  }

  private unary(): Expression {
    const { token } = this;
    if (token.kind === "not") {
      this.enter();
      const operand = this.unary();
      this.depth--;
      if (operand.type !== "truth") {
        throw new Refusal(
          `"${token.text}" ${where(token.at, this.text)} needs a comparison in parentheses: e.g. not (value > 30)`,
          token.at,
        );
      }
      return { type: "truth", at: token.at, condition: { kind: "not", condition: operand.condition } };
    }
    if (token.kind === "(") {
      this.enter();
      const inner = this.or();
      this.depth--;
      if (!this.is(")")) {
        if (!this.is("end")) throw this.unexpected(": expected )");
        throw new Refusal(
          `Missing ) ${where(this.token.at, this.text)}: close the ( at ${token.at + 1}`,
          this.token.at,
        );
      }
      this.advance();
      return { ...inner, at: token.at };
    }
    return this.operand();
  }

  private operand(): Expression {
    const { token } = this;
    if (token.kind === "-") {
      this.advance();
      if (!this.is("number")) {
        // "-Infinity" or "-pressure": the name is the problem to report, if it is one.
        if (this.is("name")) this.known(this.token);
        throw new Refusal(`A minus sign goes before a number ${where(token.at, this.text)}`, token.at);
      }
    } else if (token.kind === "name") {
      const name = this.known(token);
      this.advance();
      return { type: "number", at: token.at, operand: { kind: "name", name } };
    } else if (token.kind !== "number") {
      throw new Refusal(`Expected a number or a name ${where(token.at, this.text)}`, token.at);
    }
    const magnitude = Number(this.token.text);
    // "+ 0" turns -0 into 0, so the canonical text ("0") parses back to the same number.
    const value = (token.kind === "-" ? -magnitude : magnitude) + 0;
    if (!Number.isFinite(value)) {
      throw new Refusal(
        `${quoted(this.token.text)} is too large a number ${where(this.token.at, this.text)}`,
        this.token.at,
      );
    }
    this.advance();
    return { type: "number", at: token.at, operand: { kind: "number", value } };
  }

  private known(token: Token): string {
    if (this.variables.includes(token.text)) return token.text;
    const at = where(token.at, this.text);
    if (NOT_NUMBERS.has(token.text.toLowerCase())) {
      throw new Refusal(`${token.text} ${at} is not allowed: write a number such as 30`, token.at);
    }
    throw new Refusal(`Unknown name ${quoted(token.text)} ${at}: use ${listed(this.variables)}`, token.at);
  }

  private truth(expression: Expression, joiner: "and" | "or"): Condition {
    if (expression.type === "truth") return expression.condition;
    throw new Refusal(
      `"${joiner}" joins two comparisons ${where(expression.at, this.text)}: e.g. value > 0 ${joiner} value < 5`,
      expression.at,
    );
  }

  private number(expression: Expression, op: CompareOp): Operand {
    if (expression.type === "number") return expression.operand;
    throw new Refusal(
      `${op} compares numbers and names, not comparisons ${where(expression.at, this.text)}: join comparisons with "and" or "or"`,
      expression.at,
    );
  }

  /** Steps into a `not` or a parenthesis, within the nesting limit that bounds the recursion. */
  private enter(): void {
    if (++this.depth > CONDITION_LIMITS.depth) {
      throw new Refusal(
        `Nested too deeply ${where(this.token.at, this.text)}: at most ${CONDITION_LIMITS.depth} levels`,
        this.token.at,
      );
    }
    this.advance();
  }

  // A method, not a property test: TypeScript would keep a narrowed token kind across advance().
  private is(kind: TokenKind): boolean {
    return this.token.kind === kind;
  }

  private advance(): void {
    this.token = this.lexer.next();
  }

  private unexpected(hint: string): Refusal {
    const { token } = this;
    return new Refusal(`Unexpected ${quoted(token.text)} ${where(token.at, this.text)}${hint}`, token.at);
  }
}

function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "numbers only") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** Reads a condition; `variables` are the only names it may use. Answers, never throws. */
export function parseCondition(text: string, variables: readonly string[] = DEFAULT_VARIABLES): ParsedCondition {
  if (text.length > CONDITION_LIMITS.length) {
    return {
      ok: false,
      message: `Too long: a condition has at most ${CONDITION_LIMITS.length} characters`,
      at: CONDITION_LIMITS.length,
    };
  }
  try {
    return { ok: true, condition: new Parser(text, variables).condition() };
  } catch (error) {
    // Only refusals are answers; anything else is a bug the fuzz test is there to find.
    if (error instanceof Refusal) return { ok: false, message: error.message, at: error.at };
    throw error;
  }
}

function valueOf(operand: Operand, vars: Readonly<Record<string, number>>): number {
  if (operand.kind === "number") return operand.value;
  const value = Object.hasOwn(vars, operand.name) ? vars[operand.name] : undefined;
  return typeof value === "number" ? value : NaN;
}

function compare(op: CompareOp, left: number, right: number): boolean {
  // A missing name reads as NaN, and NaN compares false, != included: nothing is known about it.
  if (Number.isNaN(left) || Number.isNaN(right)) return false;
  switch (op) {
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case "==":
      return left === right;
    case "!=":
      return left !== right;
  }
}

/** Whether the condition holds for these values; a comparison with a missing one is false. */
export function evaluateCondition(condition: Condition, vars: Readonly<Record<string, number>>): boolean {
  switch (condition.kind) {
    case "compare":
      return compare(condition.op, valueOf(condition.left, vars), valueOf(condition.right, vars));
    case "not":
      return !evaluateCondition(condition.condition, vars);
    case "and":
      return condition.conditions.every((part) => evaluateCondition(part, vars));
    case "or":
      return condition.conditions.some((part) => evaluateCondition(part, vars));
  }
}

function describeOperand(operand: Operand): string {
  return operand.kind === "number" ? String(operand.value) : operand.name;
}

/** The canonical text of a condition, which parses back to the same condition. */
export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case "compare":
      return `${describeOperand(condition.left)} ${condition.op} ${describeOperand(condition.right)}`;
    case "not": {
      const inner = describeCondition(condition.condition);
      return condition.condition.kind === "not" ? `not ${inner}` : `not (${inner})`;
    }
    case "and":
      return condition.conditions
        .map((part) => (part.kind === "or" ? `(${describeCondition(part)})` : describeCondition(part)))
        .join(" and ");
    case "or":
      return condition.conditions.map(describeCondition).join(" or ");
  }
}

const MIRRORED: Readonly<Record<CompareOp, CompareOp>> = {
  ">": "<",
  ">=": "<=",
  "<": ">",
  "<=": ">=",
  "==": "==",
  "!=": "!=",
};

/** For the action form: `value <op> <number>` (or the mirror) as op and threshold, else null. */
export function thresholdOf(condition: Condition): { op: CompareOp; threshold: number } | null {
  if (condition.kind !== "compare") return null;
  const { op, left, right } = condition;
  if (left.kind === "name" && left.name === "value" && right.kind === "number") return { op, threshold: right.value };
  if (right.kind === "name" && right.name === "value" && left.kind === "number") {
    return { op: MIRRORED[op], threshold: left.value };
  }
  return null;
}
