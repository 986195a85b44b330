// The tokens of the condition grammar (see condition.ts): numbers, names, keywords and the few
// operator symbols, read one at a time so the first problem in reading order is the one reported.

// Parts are the numbers, names and operators: parentheses are left out so that nesting meets its
// own limit (depth) rather than this one; the length limit bounds the work either way.
export const CONDITION_LIMITS = { length: 500, parts: 64, depth: 32 } as const;

/** A refusal carried out of the recursive descent; parseCondition turns it into an answer. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

export type TokenKind = "number" | "name" | "compare" | "and" | "or" | "not" | "-" | "(" | ")" | "end";
export interface Token {
  kind: TokenKind;
  text: string;
  at: number;
}

const SPACE = /\s+/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
// Whatever glues onto a number ("30abc", "1.2.3", "0x10") is read whole, to be refused whole.
const WORD_TAIL = /[\p{L}\p{N}_$.]+/uy;
const NAME = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
// Maps, not object literals: a name like "constructor" must not find Object.prototype's.
const KEYWORDS = new Map<string, TokenKind>([
  ["and", "and"],
  ["or", "or"],
  ["not", "not"],
]);
const SYMBOLS = new Map<string, TokenKind>([
  [">=", "compare"],
  ["<=", "compare"],
  ["==", "compare"],
  ["!=", "compare"],
  ["&&", "and"],
  ["||", "or"],
  [">", "compare"],
  ["<", "compare"],
  ["!", "not"],
  ["-", "-"],
  ["(", "("],
  [")", ")"],
]);
// The usual slips, answered with what to write instead.
const SLIPS = new Map([
  ["=", "use == to compare (>= and <= for at least and at most)"],
  ["≥", "use >="],
  ["≤", "use <="],
  ["≠", "use !="],
  ["&", "use and"],
  ["|", "use or"],
  ["+", "write the number without +"],
]);

export function where(at: number, text: string): string {
  return at >= text.length ? "at the end" : `at ${at + 1}`;
}

export function quoted(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}

/** Reads tokens one at a time, so problems are reported in reading order. */
export class Lexer {
  private offset = 0;
  private parts = 0;

  constructor(private readonly text: string) {}

  next(): Token {
    const token = this.read();
    if (token.kind !== "(" && token.kind !== ")" && token.kind !== "end" && ++this.parts > CONDITION_LIMITS.parts) {
      const at = `${where(token.at, this.text)}: a condition has at most ${CONDITION_LIMITS.parts} parts`;
      throw new Refusal(`Too long ${at}`, token.at);
    }
    return token;
  }

  private read(): Token {
    const { text } = this;
    this.offset = this.skip(SPACE) ?? this.offset;
    const at = this.offset;
    if (at >= text.length) return { kind: "end", text: "", at };
    const number = this.match(NUMBER);
    if (number !== undefined) {
      const tail = this.match(WORD_TAIL);
      if (tail !== undefined) throw new Refusal(`${quoted(number + tail)} is not a number ${where(at, text)}`, at);
      return { kind: "number", text: number, at };
    }
    const name = this.match(NAME);
    if (name !== undefined) return { kind: KEYWORDS.get(name.toLowerCase()) ?? "name", text: name, at };
    for (const length of [2, 1]) {
      const symbol = text.slice(at, at + length);
      const kind = SYMBOLS.get(symbol);
      if (kind !== undefined && symbol.length === length) {
        this.offset += length;
        return { kind, text: symbol, at };
      }
    }
    const character = String.fromCodePoint(text.codePointAt(at) ?? 0);
    const slip = SLIPS.get(character);
    const shown = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)
      ? quoted(character)
      : `character U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    throw new Refusal(`Unexpected ${shown} ${where(at, text)}${slip ? `: ${slip}` : ""}`, at);
  }

  private match(pattern: RegExp): string | undefined {
    const found = this.skip(pattern);
    if (found === undefined) return undefined;
    const matched = this.text.slice(this.offset, found);
    this.offset = found;
    return matched;
  }

  /** The offset after what `pattern` matches here, if it does. */
  private skip(pattern: RegExp): number | undefined {
    pattern.lastIndex = this.offset;
    return pattern.test(this.text) ? pattern.lastIndex : undefined;
  }
}
