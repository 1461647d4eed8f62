/**
 * One logical event across venues (SPEC §7.2): underlying, strike, expiry and comparator.
 * Venues phrase the same question differently: Hyperliquid's priceBinary is "mark ≥ target",
 * Kalshi thresholds read "above 114999.99", another venue may list "below". Keys are made
 * canonical as "price ≥ K" on the settlement price grid (> K ≡ ≥ K + grid, ≤ K ≡ not ≥ K + grid,
 * < K ≡ not ≥ K), so two legs link when their canonical ids match, possibly as complements
 * (one leg's YES is the other's NO).
 */
import { formatScaled, parseScaled } from "../core/decimal";
import { err, ok, type Result } from "../core/result";

export type Comparator = "gt" | "ge" | "lt" | "le";

export interface EventKey {
  /** "BTC", "ETH", ... (case-insensitive). */
  underlying: string;
  /** Exact decimal string, as the venue prints it. */
  strike: string;
  /** Settlement time, ms since the epoch. */
  expiryMs: number;
  /** YES pays when the settlement price <comparator> strike. */
  comparator: Comparator;
}

export interface CanonicalEvent {
  /** `${UNDERLYING}|ge|${K}|${expiryMs}`: equal ids are the same event. */
  id: string;
  /** True when this key's YES is the canonical event's NO. */
  complement: boolean;
}

export type EventKeyError = { kind: "bad_strike" | "bad_expiry" | "bad_underlying"; detail: string };

/** `gridDecimals`: decimals of the settlement price (a strike off that grid is refused). */
export function canonicalEvent(key: EventKey, gridDecimals: number): Result<CanonicalEvent, EventKeyError> {
  const u = key.underlying.trim().toUpperCase();
  if (!/^[A-Z0-9]+$/.test(u)) return err({ kind: "bad_underlying", detail: key.underlying });
  if (!Number.isSafeInteger(key.expiryMs) || key.expiryMs <= 0) return err({ kind: "bad_expiry", detail: String(key.expiryMs) });
  const k = parseScaled(key.strike, gridDecimals);
  if (k === null || k <= 0) return err({ kind: "bad_strike", detail: key.strike });
  const strictUp = key.comparator === "gt" || key.comparator === "le";
  const complement = key.comparator === "lt" || key.comparator === "le";
  const K = strictUp ? k + 1 : k;
  return ok({ id: `${u}|ge|${formatScaled(K, gridDecimals)}|${key.expiryMs}`, complement });
}

/** How two legs relate: the same contract, complements, or unrelated events. */
export function relation(a: CanonicalEvent, b: CanonicalEvent): "same" | "complement" | "unrelated" {
  if (a.id !== b.id) return "unrelated";
  return a.complement === b.complement ? "same" : "complement";
}
