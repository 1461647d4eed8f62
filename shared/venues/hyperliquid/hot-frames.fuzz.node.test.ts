/**
 * Fuzz: with the single-pass decoder in front, parseWsFrame gives exactly what JSON.parse + zod
 * alone gives (same ok/error, same kind, same value) on mutated hot frames, and never throws.
 * Seeds are real recorded frames and generated valid ones; mutations are truncations, inserted,
 * deleted and replaced characters, swapped, renamed, dropped, added and repeated keys, values of
 * another type, bad numbers (NaN, negative, exponent, fraction, leading zero, beyond 2^53), bad
 * decimal strings, escapes (\uXXXX, \", \/) and whitespace inside and outside strings.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeHotFrame } from "./hot-frames";
import { hotFrameArb } from "./ws-frame-arbitraries";
import { parseWsFrame, parseWsFrameWithSchema } from "./ws-frames";

const DATA = resolve(import.meta.dirname, "..", "..", "..", "data", "hyperliquid");
const archive = readFileSync(join(DATA, "archive-2024-01-01-h12", "BTC.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.length > 0)
  .filter((_, i) => i % 100 === 0)
  .map((l) => (JSON.parse(l) as { raw: { data: { levels: unknown[][] } } }).raw);
const fastCut = archive.map((r) => ({ ...r, data: { ...r.data, levels: r.data.levels.map((s) => s.slice(0, 5)), fast: true } }));
const tardis = JSON.parse(readFileSync(join(DATA, "api-samples", "tardis_node_test_samples", "map_hyperliquid_messages.json"), "utf8")) as unknown[];
const SEEDS = [...archive, ...fastCut, ...tardis].map((f) => JSON.stringify(f));

type Rnd = (n: number) => number;
type Mutation = (text: string, rnd: Rnd) => string;

const pick = <T>(xs: readonly T[], rnd: Rnd): T => xs[rnd(xs.length)] as T;
const spliceAt = (s: string, at: number, remove: number, insert: string): string => s.slice(0, at) + insert + s.slice(at + remove);

/** Characters that change JSON's meaning, JSON whitespace and whitespace JSON refuses. */
const ALPHABET = ['"', "\\", ",", ":", "{", "}", "[", "]", "0", "1", "9", "-", "+", ".", "e", "E", "x", "a", " ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u0000", "é", "€", "\ud83d"];
const BAD_NUMBERS = ["NaN", "-1", "-0", "1e3", "1E+2", "1.0", "0.5", "01", "9007199254740992", "9007199254740991", "99999999999999999", "Infinity", "null", "true", '"7"', "[]", "{}"];
const BAD_DECIMALS = ['"-1.0"', '"1e5"', '".5"', '"5."', '"1,0"', '" 1"', '"+1"', '"١"', '"0x10"', '""', '"NaN"', "1.5", "15", "null", '["1"]', '"1.0.0"', '"1\\u0030"'];
const KEYS = ["channel", "data", "coin", "time", "levels", "fast", "spread", "bbo", "px", "sz", "n", "side", "hash", "tid", "users", "extra", "__proto__", ""];

/** Spans of the text matching `re`, for mutations aimed at one kind of token. */
function spans(text: string, re: RegExp): [number, number][] {
  return [...text.matchAll(re)].map((m) => [m.index + (m[1] === undefined ? 0 : m[0].indexOf(m[1])), (m[1] ?? m[0]).length]);
}

const MUTATIONS: Mutation[] = [
  (t, rnd) => t.slice(0, rnd(t.length)),
  (t, rnd) => spliceAt(t, rnd(t.length + 1), 0, pick(ALPHABET, rnd) + (rnd(2) === 0 ? "" : pick(ALPHABET, rnd))),
  (t, rnd) => spliceAt(t, rnd(t.length), 1 + rnd(3), ""),
  (t, rnd) => spliceAt(t, rnd(t.length), 1, pick(ALPHABET, rnd)),
  // A JSON number value (time, n, tid) replaced.
  (t, rnd) => {
    const s = spans(t, /:(\d+)/g);
    if (s.length === 0) return t;
    const [at, len] = pick(s, rnd);
    return spliceAt(t, at, len, pick(BAD_NUMBERS, rnd));
  },
  // A decimal string value (px, sz, spread) replaced.
  (t, rnd) => {
    const s = spans(t, /:("\d+(?:\.\d+)?")/g);
    if (s.length === 0) return t;
    const [at, len] = pick(s, rnd);
    return spliceAt(t, at, len, pick(BAD_DECIMALS, rnd));
  },
  // A key renamed (to another known key: swaps, repeats; or an unknown one).
  (t, rnd) => {
    const s = spans(t, /("[A-Za-z_]*")\s*:/g);
    if (s.length === 0) return t;
    const [at, len] = pick(s, rnd);
    return spliceAt(t, at, len, JSON.stringify(pick(KEYS, rnd)));
  },
  // A key-value pair added at the start of an object (a repeated key when the name exists).
  (t, rnd) => {
    const s = spans(t, /\{/g);
    if (s.length === 0) return t;
    const [at] = pick(s, rnd);
    return spliceAt(t, at + 1, 0, `${JSON.stringify(pick(KEYS, rnd))}:${pick([...BAD_NUMBERS, ...BAD_DECIMALS], rnd)},`);
  },
  // A character of a string replaced by its \u escape, or an escaped quote or slash inserted.
  (t, rnd) => {
    const s = spans(t, /"([^"\\]+)"/g);
    if (s.length === 0) return t;
    const [at, len] = pick(s, rnd);
    const i = at + rnd(len);
    const escapes = [`\\u${(t.charCodeAt(i) ?? 0).toString(16).padStart(4, "0")}`, '\\"', "\\/", "\\n"];
    return spliceAt(t, i, rnd(4) === 0 ? 0 : 1, pick(escapes, rnd));
  },
  // Two values of an object swapped by exchanging its key names.
  (t, rnd) => {
    const v = JSON.parse(t) as { data?: unknown };
    const objects: Record<string, unknown>[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (typeof x === "object" && x !== null) {
        objects.push(x as Record<string, unknown>);
        Object.values(x).forEach(walk);
      }
    };
    walk(v.data);
    const o = objects.length === 0 ? undefined : pick(objects, rnd);
    const keys = o === undefined ? [] : Object.keys(o);
    if (o === undefined || keys.length < 2) return t;
    const a = pick(keys, rnd);
    const b = pick(keys, rnd);
    [o[a], o[b]] = [o[b], o[a]];
    return JSON.stringify(v);
  },
];

const textArb = fc.oneof(fc.constantFrom(...SEEDS), hotFrameArb);
const mutatedArb = fc
  .tuple(textArb, fc.array(fc.nat(MUTATIONS.length - 1), { minLength: 1, maxLength: 3 }), fc.infiniteStream(fc.nat()))
  .map(([seed, ops, stream]) => {
    const it = stream[Symbol.iterator]();
    const rnd: Rnd = (n) => (n <= 0 ? 0 : (it.next().value ?? 0) % n);
    let text = seed;
    for (const op of ops) {
      try {
        text = (MUTATIONS[op] as Mutation)(text, rnd);
      } catch {
        // The value-level mutation needs valid JSON; an earlier mutation may have broken it.
      }
    }
    return text;
  });

describe("parseWsFrame with the hot decoder = JSON.parse + zod alone, on mutated frames", () => {
  it("12,000 mutated hot frames: identical results, nothing thrown, both outcomes well represented", () => {
    const tally = { hot: 0, deferredOk: 0, rejected: 0 };
    fc.assert(
      fc.property(mutatedArb, (text) => {
        const expected = parseWsFrameWithSchema(text);
        expect(parseWsFrame(text)).toStrictEqual(expected);
        if (decodeHotFrame(text) !== undefined) tally.hot++;
        else if (expected.ok) tally.deferredOk++;
        else tally.rejected++;
      }),
      { numRuns: 12_000 },
    );
    // The fuzz reaches both sides of the decoder's decision: accepted mutations (values the schema
    // also accepts, e.g. a changed digit) and refused ones, plus valid text it leaves to zod.
    expect(tally.hot).toBeGreaterThan(400);
    expect(tally.rejected).toBeGreaterThan(5000);
    expect(tally.deferredOk).toBeGreaterThan(400);
  });
});
