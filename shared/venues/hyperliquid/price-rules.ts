/**
 * Tick and lot rules [reference/hyperliquid.md §4.5, docs tick-and-lot-size]:
 * - a price has at most 5 significant figures and at most MAX_DECIMALS - szDecimals decimals
 *   (MAX_DECIMALS 6 for perps incl. HIP-3, 8 for spot); integer prices are always valid;
 * - a size has at most szDecimals decimals;
 * - HIP-4 outcomes have no published rule; the empirically safe one (789,748 recorded prices,
 *   zero exceptions) is 0 < price < 1 with <= 5 significant figures and <= 5 decimals, and
 *   whole-share sizes (szDecimals 0, whatever a meta says).
 * Rounding works on exact decimals. "trunc" (toward zero) reproduces @nktkas/hyperliquid's
 * formatPrice/formatSize; a quoting engine wants "floor" for bids and "ceil" for asks.
 */
import { err, ok, type Result } from "../../core/result";
import {
  formatDecimal,
  parseDecimal,
  parseDecimalOrExponent,
  significantScale,
  type ExactDecimal,
} from "./wire-decimal";

export type MarketKind = "perp" | "spot" | "outcome";

export interface TickSpec {
  kind: MarketKind;
  /** From meta / spotMeta (base token); ignored for outcomes, which trade whole shares. */
  szDecimals: number;
}

export type RoundMode = "trunc" | "floor" | "ceil" | "nearest";

export type FormatError =
  | { kind: "notNumber"; input: string }
  | { kind: "zero"; input: string }
  | { kind: "outOfRange"; input: string; why: string };

const SIG_FIGS = 5;
const OUTCOME_PRICE_DECIMALS = 5;
/** At and above 10^5 only integers fit 5 significant figures, and integers are always valid. */
const INTEGER_ONLY_FROM = 100_000n;

export function maxPriceDecimals(spec: TickSpec): number {
  if (spec.kind === "outcome") return OUTCOME_PRICE_DECIMALS;
  return Math.max(0, (spec.kind === "spot" ? 8 : 6) - spec.szDecimals);
}

export function sizeDecimals(spec: TickSpec): number {
  return spec.kind === "outcome" ? 0 : spec.szDecimals;
}

/** Decimal digits before the point of |d| (0 for |d| < 1), or -(leading zeros after the point). */
function magnitude(d: ExactDecimal): number {
  const digits = d.int.toString().length;
  return digits - d.scale; // e.g. 123.4 -> 3, 0.0012 -> -2, 0.5 -> 0
}

/** Decimals a price may keep: the tick rule and 5 significant figures (integers always pass). */
function priceDecimalsFor(d: ExactDecimal, spec: TickSpec): number {
  if (d.int / 10n ** BigInt(d.scale) >= INTEGER_ONLY_FROM) return 0;
  return Math.min(maxPriceDecimals(spec), SIG_FIGS - magnitude(d));
}

/** Rounds |d| to `decimals` places in the direction the signed mode asks for. */
function roundTo(d: ExactDecimal, decimals: number, mode: RoundMode): ExactDecimal {
  if (d.scale <= decimals) return d;
  const div = 10n ** BigInt(d.scale - decimals);
  const down = d.int / div;
  const rem = d.int % div;
  if (rem === 0n) return { neg: d.neg, int: down, scale: decimals };
  const awayFromZero =
    mode === "nearest" ? rem * 2n >= div : mode === "ceil" ? !d.neg : mode === "floor" ? d.neg : false;
  const int = awayFromZero ? down + 1n : down;
  return { neg: d.neg && int !== 0n, int, scale: decimals };
}

function readInput(x: string | number): ExactDecimal | null {
  if (typeof x === "string") return parseDecimal(x.trim());
  // Floats are first cut to 12 significant digits so binary noise (0.1 + 0.2 = 0.30000000000000004)
  // never moves a directional rounding by a whole tick; toPrecision is exact by specification.
  if (!Number.isFinite(x)) return null;
  return parseDecimalOrExponent(x.toPrecision(12));
}

function compareUnit(d: ExactDecimal): number {
  const one = 10n ** BigInt(d.scale);
  return d.int < one ? -1 : d.int === one ? 0 : 1;
}

/** Rounds a price to the nearest valid one in the given direction; a zero result is an error. */
export function roundPrice(x: string | number, spec: TickSpec, mode: RoundMode = "trunc"): Result<string, FormatError> {
  const input = String(x);
  const d = readInput(x);
  if (d === null) return err({ kind: "notNumber", input });
  let r = roundTo(d, priceDecimalsFor(d, spec), mode);
  // Rounding up can carry into the next power of ten (9.99996 -> 10.0000); re-apply the rule.
  r = roundTo(r, priceDecimalsFor(r, spec), mode);
  if (r.int === 0n) return err({ kind: "zero", input });
  if (spec.kind === "outcome" && (r.neg || compareUnit(r) >= 0)) {
    return err({ kind: "outOfRange", input, why: "outcome prices lie strictly between 0 and 1" });
  }
  return ok(formatDecimal(r));
}

/** Rounds a size to the lot (szDecimals; whole shares for outcomes); a zero result is an error. */
export function roundSize(x: string | number, spec: TickSpec, mode: RoundMode = "trunc"): Result<string, FormatError> {
  const input = String(x);
  const d = readInput(x);
  if (d === null) return err({ kind: "notNumber", input });
  const r = roundTo(d, sizeDecimals(spec), mode);
  if (r.int === 0n) return err({ kind: "zero", input });
  return ok(formatDecimal(r));
}

/** True when the string is already a valid price for the market (any canonical or padded form). */
export function isValidPrice(px: string, spec: TickSpec): boolean {
  const d = parseDecimal(px);
  if (d === null || d.int === 0n || d.neg) return false;
  if (spec.kind === "outcome" && compareUnit(d) >= 0) return false;
  return significantScale(d) <= priceDecimalsFor(d, spec);
}

/** True when the string is a positive size on the market's lot. */
export function isValidSize(sz: string, spec: TickSpec): boolean {
  const d = parseDecimal(sz);
  return d !== null && d.int !== 0n && !d.neg && significantScale(d) <= sizeDecimals(spec);
}
