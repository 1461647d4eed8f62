/**
 * fast-check generators of valid hot-channel frames (l2Book 20-level and `fast` 5-level, bbo,
 * trades, pong) as the schemas of ws-schemas.ts accept them, printed as the venue does (compact,
 * its key order) or with the keys inside `data` shuffled and/or pretty-printed. Used by the hot
 * decoder's differential and fuzz tests.
 */
import fc from "fast-check";

/** Coins as the venue names them, plus random text that JSON prints without escapes. */
export const coinArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("BTC", "ETH", "kPEPE", "@107", "#150", "#151", "PURR/USDC", "xyz:XYZ100", ""),
  fc.string({ unit: "grapheme", maxLength: 12 }).filter((s) => JSON.stringify(s) === `"${s}"`),
);

/** /^\d+(\.\d+)?$/ including leading and trailing zeros ("007.50"). */
export const udecimalArb: fc.Arbitrary<string> = fc
  .tuple(fc.stringMatching(/^\d{1,12}$/), fc.option(fc.stringMatching(/^\d{1,10}$/), { nil: undefined }))
  .map(([int, frac]) => (frac === undefined ? int : `${int}.${frac}`));

export const uintArb: fc.Arbitrary<number> = fc.oneof(fc.nat(100), fc.maxSafeNat(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER));

const hexArb = (min: number, max: number): fc.Arbitrary<string> =>
  fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${min},${max}}$`)).map((h) => `0x${h}`);

export const levelArb = fc.record({ px: udecimalArb, sz: udecimalArb, n: uintArb });

const side = (max: number): fc.Arbitrary<{ px: string; sz: string; n: number }[]> => fc.array(levelArb, { maxLength: max });

/** l2Book data: up to 20 levels a side, or up to 5 with `fast: true`; optional `spread`. */
export const bookDataArb = fc.oneof(
  fc.record(
    { coin: coinArb, time: uintArb, levels: fc.tuple(side(20), side(20)), fast: fc.constant(false), spread: udecimalArb },
    { requiredKeys: ["coin", "time", "levels"] },
  ),
  fc.record(
    { coin: coinArb, time: uintArb, levels: fc.tuple(side(5), side(5)), fast: fc.constant(true), spread: udecimalArb },
    { requiredKeys: ["coin", "time", "levels", "fast"] },
  ),
);

/** bbo data: either side may be null; the ask may be left out (the schema's optional element). */
export const bboDataArb = fc.record({
  coin: coinArb,
  time: uintArb,
  bbo: fc.oneof(
    fc.tuple(fc.option(levelArb, { nil: null }), fc.option(levelArb, { nil: null })),
    fc.tuple(fc.option(levelArb, { nil: null })),
  ),
});

/** One trade in the venue's key order (coin, side, px, sz, time, hash, tid, users?). */
export const tradeArb = fc.record(
  {
    coin: coinArb,
    side: fc.constantFrom("A", "B"),
    px: udecimalArb,
    sz: udecimalArb,
    time: uintArb,
    hash: hexArb(0, 64),
    tid: uintArb,
    users: fc.tuple(hexArb(40, 40), hexArb(40, 40)),
  },
  { requiredKeys: ["coin", "side", "px", "sz", "time", "hash", "tid"] },
);

export const tradesDataArb = fc.array(tradeArb, { maxLength: 6 });

/** Rebuilds every object under `v` with its keys in a random order. */
function shuffleKeys(v: unknown, next: () => number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, next));
  if (typeof v !== "object" || v === null) return v;
  const entries = Object.entries(v);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  return Object.fromEntries(entries.map(([k, x]) => [k, shuffleKeys(x, next)]));
}

export type FrameLayout = "venue" | "shuffled" | "pretty" | "shuffled+pretty";

/** Prints `{channel, data}` with `channel` first (the decoder needs it first) in a layout. */
export function printFrame(channel: string, data: unknown, layout: FrameLayout, seeds: readonly number[]): string {
  let i = 0;
  const next = (): number => seeds[i++ % seeds.length] ?? 0;
  const body = layout === "shuffled" || layout === "shuffled+pretty" ? shuffleKeys(data, next) : data;
  const frame = { channel, data: body };
  return layout === "pretty" || layout === "shuffled+pretty" ? JSON.stringify(frame, null, next() % 2 === 0 ? 2 : "\t") : JSON.stringify(frame);
}

const layoutArb = fc.constantFrom<FrameLayout>("venue", "venue", "venue", "shuffled", "pretty", "shuffled+pretty");
const seedsArb = fc.array(fc.nat(), { minLength: 1, maxLength: 16 });

/** A valid hot-channel frame as text. */
export const hotFrameArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(bookDataArb, layoutArb, seedsArb).map(([d, l, s]) => printFrame("l2Book", d, l, s)),
  fc.tuple(bboDataArb, layoutArb, seedsArb).map(([d, l, s]) => printFrame("bbo", d, l, s)),
  fc.tuple(tradesDataArb, layoutArb, seedsArb).map(([d, l, s]) => printFrame("trades", d, l, s)),
  fc.constant('{"channel":"pong"}'),
);
