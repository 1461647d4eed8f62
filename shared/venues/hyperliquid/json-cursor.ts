/**
 * A forward-only reader over one JSON text, for the hot frame decoder (hot-frames.ts). Each
 * method reads one token at the cursor with charCodeAt and returns it, or a failure value
 * (`undefined`, -1, false) after which the decoder gives up and the text goes to JSON.parse +
 * zod. It reads a strict subset of JSON, so whatever it accepts JSON.parse reads the same way:
 * strings without escapes or control characters, non-negative integers without fraction,
 * exponent or leading zeros, and only the four JSON whitespace characters between tokens.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const ZERO = 48;
const NINE = 57;
const DOT = 46;

/** Digits of the largest safe integer (2^53 - 1 has 16); anything longer cannot be a UInt. */
const MAX_INT_DIGITS = 16;

const isWhitespace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * End of the characters of a UDecimalStr (/^\d+(\.\d+)?$/) starting at `p`, which must be
 * followed by the closing quote; -1 if they do not form one.
 */
function decimalEnd(t: string, p: number): number {
  const start = p;
  let c = t.charCodeAt(p);
  while (c >= ZERO && c <= NINE) c = t.charCodeAt(++p);
  if (p === start) return -1;
  if (c === DOT) {
    const frac = ++p;
    c = t.charCodeAt(p);
    while (c >= ZERO && c <= NINE) c = t.charCodeAt(++p);
    if (p === frac) return -1;
  }
  return c === QUOTE ? p : -1;
}

/**
 * End of the digits of a JSON integer starting at `p` that can be a UInt: 1 to 16 digits, no
 * leading zero (JSON.parse refuses "01"); -1 otherwise. A fraction or exponent after the digits
 * is left for the caller's next token to refuse.
 */
function uintEnd(t: string, p: number): number {
  const start = p;
  let c = t.charCodeAt(p);
  while (c >= ZERO && c <= NINE) c = t.charCodeAt(++p);
  const digits = p - start;
  if (digits === 0 || digits > MAX_INT_DIGITS || (digits > 1 && t.charCodeAt(start) === ZERO)) return -1;
  return p;
}

/**
 * Value of the digits in [start, end) (from uintEnd), or -1 above 2^53 - 1 (zod's .safe()).
 * Exact: partial values stay below 2^53 unless the result exceeds it, and then it rounds to at
 * least 2^53.
 */
function uintValue(t: string, start: number, end: number): number {
  let v = 0;
  for (let p = start; p < end; p++) v = v * 10 + (t.charCodeAt(p) - ZERO);
  return v > Number.MAX_SAFE_INTEGER ? -1 : v;
}

export class JsonCursor {
  pos = 0;

  constructor(readonly text: string) {}

  /** Moves past JSON whitespace. Compact frames have none, so callers test `<= 32` first. */
  private skipWhitespace(): void {
    const t = this.text;
    let p = this.pos;
    while (isWhitespace(t.charCodeAt(p))) p++;
    this.pos = p;
  }

  /** The next non-whitespace character code (NaN at the end), without consuming it. */
  peek(): number {
    if (this.text.charCodeAt(this.pos) <= 32) this.skipWhitespace();
    return this.text.charCodeAt(this.pos);
  }

  /** Consumes `code` if it is the next non-whitespace character. */
  eat(code: number): boolean {
    if (this.peek() !== code) return false;
    this.pos++;
    return true;
  }

  /** True when only whitespace is left. */
  atEnd(): boolean {
    if (this.pos < this.text.length) this.skipWhitespace();
    return this.pos === this.text.length;
  }

  /**
   * Reads an escape-free string body after its opening quote; returns the index of the closing
   * quote or -1 (escape, raw control character - which JSON.parse refuses - or no closing quote).
   */
  private stringEnd(): number {
    const t = this.text;
    const n = t.length;
    for (let p = this.pos; p < n; p++) {
      const c = t.charCodeAt(p);
      if (c === QUOTE) return p;
      if (c === BACKSLASH || c < 32) return -1;
    }
    return -1;
  }

  /**
   * Reads `"name":` and returns the index of `name` in `names`, or -1 (unknown key, or not a
   * key). Compares characters in place so no key string is allocated.
   */
  key(names: readonly string[]): number {
    if (!this.eat(QUOTE)) return -1;
    const start = this.pos;
    const end = this.stringEnd();
    if (end < 0) return -1;
    this.pos = end + 1;
    if (!this.eat(COLON)) return -1;
    const len = end - start;
    const t = this.text;
    for (let k = 0; k < names.length; k++) {
      const name = names[k] as string;
      if (name.length !== len) continue;
      let i = 0;
      while (i < len && name.charCodeAt(i) === t.charCodeAt(start + i)) i++;
      if (i === len) return k;
    }
    return -1;
  }

  /** Any escape-free string. */
  string(): string | undefined {
    if (!this.eat(QUOTE)) return undefined;
    const start = this.pos;
    const end = this.stringEnd();
    if (end < 0) return undefined;
    this.pos = end + 1;
    return this.text.slice(start, end);
  }

  /** A string matching schema-common's UDecimalStr. */
  decimal(): string | undefined {
    if (!this.eat(QUOTE)) return undefined;
    const start = this.pos;
    const end = decimalEnd(this.text, start);
    if (end < 0) return undefined;
    this.pos = end + 1;
    return this.text.slice(start, end);
  }

  /** A JSON integer that schema-common's UInt accepts (non-negative, safe); -1 otherwise. */
  uint(): number {
    this.peek();
    const start = this.pos;
    const end = uintEnd(this.text, start);
    if (end < 0) return -1;
    const v = uintValue(this.text, start, end);
    if (v >= 0) this.pos = end;
    return v;
  }

  /** `0x` then hex digits: exactly `digits` of them, or any number when `digits` is -1. */
  hex(digits: number): string | undefined {
    if (!this.eat(QUOTE)) return undefined;
    const t = this.text;
    const start = this.pos;
    if (t.charCodeAt(start) !== ZERO || t.charCodeAt(start + 1) !== 120 /* x */) return undefined;
    let p = start + 2;
    let c = t.charCodeAt(p);
    while ((c >= ZERO && c <= NINE) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) c = t.charCodeAt(++p);
    if (c !== QUOTE || (digits >= 0 && p - start - 2 !== digits)) return undefined;
    this.pos = p + 1;
    return t.slice(start, p);
  }

  /** `true` -> 1, `false` -> 0, anything else -> -1. */
  boolean(): number {
    const c = this.peek();
    const t = this.text;
    const p = this.pos;
    if (c === 116 && t.startsWith("true", p)) {
      this.pos = p + 4;
      return 1;
    }
    if (c === 102 && t.startsWith("false", p)) {
      this.pos = p + 5;
      return 0;
    }
    return -1;
  }

  /** Consumes `null` if it comes next. */
  null(): boolean {
    if (this.peek() !== 110 || !this.text.startsWith("null", this.pos)) return false;
    this.pos += 4;
    return true;
  }
}
