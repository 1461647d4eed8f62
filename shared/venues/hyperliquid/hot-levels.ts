/**
 * Price levels for the hot frame decoder: 40 of them in a 20-level l2Book frame, so they are
 * the decoder's cost. A level printed the way the venue prints it, `{"px":"…","sz":"…","n":…}`
 * with no whitespace, is read by a scanner that keeps its index in a local variable and checks
 * the key text with unrolled compares (measured faster than a loop over a literal); anything
 * else about a side (other key order, whitespace) is read again key by key by the JsonCursor,
 * which defers on whatever the schema's Level would not accept.
 */
import type { JsonCursor } from "./json-cursor";
import type { WsBook } from "./ws-schemas";

export type Level = WsBook["levels"][0][number];

const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const COMMA = 44;
const QUOTE = 34;
const COLON = 58;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

const LEVEL_KEYS = ["px", "sz", "n"];

/** `{"px":"` at p. */
const isPxOpening = (t: string, p: number): boolean =>
  t.charCodeAt(p) === LBRACE &&
  t.charCodeAt(p + 1) === QUOTE &&
  t.charCodeAt(p + 2) === 112 /* p */ &&
  t.charCodeAt(p + 3) === 120 /* x */ &&
  t.charCodeAt(p + 4) === QUOTE &&
  t.charCodeAt(p + 5) === COLON &&
  t.charCodeAt(p + 6) === QUOTE;

/** `","sz":"` at p (closing the px string). */
const isSzKey = (t: string, p: number): boolean =>
  t.charCodeAt(p) === QUOTE &&
  t.charCodeAt(p + 1) === COMMA &&
  t.charCodeAt(p + 2) === QUOTE &&
  t.charCodeAt(p + 3) === 115 /* s */ &&
  t.charCodeAt(p + 4) === 122 /* z */ &&
  t.charCodeAt(p + 5) === QUOTE &&
  t.charCodeAt(p + 6) === COLON &&
  t.charCodeAt(p + 7) === QUOTE;

/** `","n":` at p (closing the sz string). */
const isNKey = (t: string, p: number): boolean =>
  t.charCodeAt(p) === QUOTE &&
  t.charCodeAt(p + 1) === COMMA &&
  t.charCodeAt(p + 2) === QUOTE &&
  t.charCodeAt(p + 3) === 110 /* n */ &&
  t.charCodeAt(p + 4) === QUOTE &&
  t.charCodeAt(p + 5) === COLON;

/**
 * One level in the venue's layout at p, appended to `out`; the index after it, or -1. The
 * digit loops are written out here rather than calling json-cursor's decimalEnd/uintEnd: the
 * calls were not inlined and cost about 12% of a 20-level frame's decode. Same grammar:
 * px and sz /^\d+(\.\d+)?$/; n 1 to 15 digits without a leading zero (always a safe
 * integer; longer ones go to the key-by-key reader).
 */
function scanLevel(t: string, p: number, out: Level[]): number {
  if (!isPxOpening(t, p)) return -1;
  const pxStart = p + 7;
  let q = pxStart;
  let c = t.charCodeAt(q);
  while (c >= ZERO && c <= NINE) c = t.charCodeAt(++q);
  if (q === pxStart) return -1;
  if (c === DOT) {
    const frac = ++q;
    c = t.charCodeAt(q);
    while (c >= ZERO && c <= NINE) c = t.charCodeAt(++q);
    if (q === frac) return -1;
  }
  const pxEnd = q;
  if (!isSzKey(t, pxEnd)) return -1;
  const szStart = pxEnd + 8;
  q = szStart;
  c = t.charCodeAt(q);
  while (c >= ZERO && c <= NINE) c = t.charCodeAt(++q);
  if (q === szStart) return -1;
  if (c === DOT) {
    const frac = ++q;
    c = t.charCodeAt(q);
    while (c >= ZERO && c <= NINE) c = t.charCodeAt(++q);
    if (q === frac) return -1;
  }
  const szEnd = q;
  if (!isNKey(t, szEnd)) return -1;
  const nStart = szEnd + 6;
  q = nStart;
  c = t.charCodeAt(q);
  let n = 0;
  while (c >= ZERO && c <= NINE) {
    n = n * 10 + (c - ZERO);
    c = t.charCodeAt(++q);
  }
  const digits = q - nStart;
  if (c !== RBRACE || digits === 0 || digits > 15 || (digits > 1 && t.charCodeAt(nStart) === ZERO)) return -1;
  out.push({ px: t.slice(pxStart, pxEnd), sz: t.slice(szStart, szEnd), n });
  return q + 1;
}

/** The levels of a side in the venue's layout, from just after `[`; the index after `]`, or -1. */
function scanLevels(t: string, p: number, out: Level[]): number {
  if (t.charCodeAt(p) === RBRACKET) return p + 1;
  for (;;) {
    p = scanLevel(t, p, out);
    if (p < 0) return -1;
    const c = t.charCodeAt(p);
    if (c === RBRACKET) return p + 1;
    if (c !== COMMA) return -1;
    p++;
  }
}

/** `{"px":"…","sz":"…","n":…}` in any key order and spacing; each key exactly once. */
function readLevelByKeys(c: JsonCursor): Level | undefined {
  if (!c.eat(LBRACE)) return undefined;
  let px: string | undefined;
  let sz: string | undefined;
  let n = -1;
  do {
    switch (c.key(LEVEL_KEYS)) {
      case 0:
        if (px !== undefined || (px = c.decimal()) === undefined) return undefined;
        break;
      case 1:
        if (sz !== undefined || (sz = c.decimal()) === undefined) return undefined;
        break;
      case 2:
        if (n >= 0 || (n = c.uint()) < 0) return undefined;
        break;
      default:
        return undefined;
    }
  } while (c.eat(COMMA));
  if (!c.eat(RBRACE) || px === undefined || sz === undefined || n < 0) return undefined;
  return { px, sz, n };
}

/** One level (a bbo side). */
export function readLevel(c: JsonCursor): Level | undefined {
  const one: Level[] = [];
  const end = scanLevel(c.text, c.pos, one);
  if (end < 0) return readLevelByKeys(c);
  c.pos = end;
  return one[0];
}

/** `[level, …]`, possibly empty (one side of an l2Book). */
export function readLevels(c: JsonCursor): Level[] | undefined {
  if (!c.eat(LBRACKET)) return undefined;
  const out: Level[] = [];
  const end = scanLevels(c.text, c.pos, out);
  if (end >= 0) {
    c.pos = end;
    return out;
  }
  out.length = 0;
  if (c.eat(RBRACKET)) return out;
  do {
    const l = readLevelByKeys(c);
    if (l === undefined) return undefined;
    out.push(l);
  } while (c.eat(COMMA));
  return c.eat(RBRACKET) ? out : undefined;
}
