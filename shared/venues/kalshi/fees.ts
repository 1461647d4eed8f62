/**
 * Kalshi fees (reference/polymarket-kalshi.md §2.6).
 * - Quadratic schedule: taker `0.07·C·P·(1−P)`, maker `0.0175·C·P·(1−P)` (only on series that
 *   charge makers), times the series multiplier, rounded UP: to the cent under the older
 *   per-order rule, to $0.0001 per fill in the fee-rounding docs, to $0.000001 in a newer revision.
 * - Fill accounting: the balance change `revenue − trade_fee` is floored to the member's
 *   precision; what the floor takes is a rounding fee that a per-order accumulator refunds
 *   $0.01 at a time (docs.kalshi.com/getting_started/fee_rounding).
 * All arithmetic is on exact scaled integers: prices, counts and rates are decimal strings.
 */
import { formatScaled, parseScaled } from "../../core/decimal";
import { err, ok, type Result } from "../../core/result";

export type KalshiFeeRounding = "cent" | "centicent" | "micro";

export interface KalshiFeeSchedule {
  /** "0.07" taker, "0.0175" maker. */
  rate: string;
  /** Series/event fee_multiplier, "1" unless overridden. */
  multiplier: string;
  rounding: KalshiFeeRounding;
}

export const KALSHI_TAKER: KalshiFeeSchedule = { rate: "0.07", multiplier: "1", rounding: "cent" };
export const KALSHI_MAKER: KalshiFeeSchedule = { rate: "0.0175", multiplier: "1", rounding: "cent" };

export type KalshiFeeError = { kind: "bad_input"; field: string; value: string };

export interface KalshiFee {
  /** The unrounded fee, exact. */
  raw: string;
  /** The fee charged, rounded up to the schedule's quantum. */
  fee: string;
  feeUsd: number;
}

/** Decimal string -> [integer, scale] using only as many places as it has. */
function scaled(s: string): [bigint, number] | null {
  const dot = s.indexOf(".");
  const places = dot < 0 ? 0 : s.length - dot - 1;
  const v = parseScaled(s, places);
  return v === null ? null : [BigInt(v), places];
}

const QUANTUM_PLACES: Record<KalshiFeeRounding, number> = { cent: 2, centicent: 4, micro: 6 };

function printExact(n: bigint, places: number): string {
  if (n === 0n) return "0";
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(places + 1, "0");
  const cut = digits.length - places;
  const frac = digits.slice(cut).replace(/0+$/, "");
  const body = frac.length > 0 ? `${digits.slice(0, cut)}.${frac}` : digits.slice(0, cut);
  return neg ? `-${body}` : body;
}

/** Quadratic fee for `contracts` at `price` (dollars, e.g. "0.55"), rounded up per the schedule. */
export function kalshiFee(contracts: string, price: string, schedule: KalshiFeeSchedule): Result<KalshiFee, KalshiFeeError> {
  const c = scaled(contracts);
  if (c === null || c[0] < 0n) return err({ kind: "bad_input", field: "contracts", value: contracts });
  const p = scaled(price);
  if (p === null || p[0] < 0n || p[0] > 10n ** BigInt(p[1])) return err({ kind: "bad_input", field: "price", value: price });
  const r = scaled(schedule.rate);
  if (r === null || r[0] < 0n) return err({ kind: "bad_input", field: "rate", value: schedule.rate });
  const m = scaled(schedule.multiplier);
  if (m === null || m[0] < 0n) return err({ kind: "bad_input", field: "multiplier", value: schedule.multiplier });
  const oneMinusP = 10n ** BigInt(p[1]) - p[0];
  const rawN = r[0] * m[0] * c[0] * p[0] * oneMinusP;
  const rawPlaces = r[1] + m[1] + c[1] + 2 * p[1];
  const q = QUANTUM_PLACES[schedule.rounding];
  let fee: bigint;
  if (rawPlaces <= q) {
    fee = rawN * 10n ** BigInt(q - rawPlaces);
  } else {
    const div = 10n ** BigInt(rawPlaces - q);
    fee = rawN / div;
    if (fee * div < rawN) fee += 1n;
  }
  return ok({ raw: printExact(rawN, rawPlaces), fee: printExact(fee, q), feeUsd: Number(fee) / 10 ** q });
}

/** Fee per contract for a `contracts`-lot order (what raises Kelly's effective price). */
export function kalshiFeePerContract(contracts: number, price: number, schedule: KalshiFeeSchedule): number {
  if (contracts <= 0) return 0;
  const f = kalshiFee(contractsString(contracts), priceString(price), schedule);
  return f.ok ? f.value.feeUsd / contracts : Number.POSITIVE_INFINITY;
}

const contractsString = (c: number): string => formatScaled(Math.round(c * 100), 2);
const priceString = (p: number): string => formatScaled(Math.round(p * 10_000), 4);

/** One fill of an order as the fee-rounding docs account for it. */
export interface KalshiFillFees {
  /** Cash from the trade: negative for a buy (−C·P). */
  revenue: string;
  tradeFee: string;
}

export interface KalshiFillAccount {
  tradeFee: string;
  rounding: string;
  /** The accumulator after this fill's rounding and before any rebate. */
  accumulator: string;
  rebate: string;
  netFee: string;
  balanceChange: string;
}

const MICRO = 6;
const REBATE_MICROS = 10_000; // $0.01

/**
 * Walks an order's fills: floors each balance change to `balancePrecision` ("0.01" for
 * non-direct members, "0.0001" for direct), accumulates the rounding and refunds $0.01 each
 * time the accumulator reaches it. Amounts are handled in micro-dollars, exactly.
 */
export function kalshiOrderFees(
  fills: KalshiFillFees[],
  balancePrecision: string,
): Result<KalshiFillAccount[], KalshiFeeError> {
  const step = parseScaled(balancePrecision, MICRO);
  if (step === null || step <= 0) return err({ kind: "bad_input", field: "balancePrecision", value: balancePrecision });
  const out: KalshiFillAccount[] = [];
  let acc = 0;
  for (const f of fills) {
    const revenue = parseScaled(f.revenue, MICRO);
    if (revenue === null) return err({ kind: "bad_input", field: "revenue", value: f.revenue });
    const fee = parseScaled(f.tradeFee, MICRO);
    if (fee === null || fee < 0) return err({ kind: "bad_input", field: "tradeFee", value: f.tradeFee });
    const raw = revenue - fee;
    const floored = Math.floor(raw / step) * step;
    const rounding = raw - floored;
    acc += rounding;
    const reported = acc;
    // "Passes $0.01": at exactly a cent the full cent has been taken, so it is refunded too.
    const rebate = acc >= REBATE_MICROS ? REBATE_MICROS : 0;
    acc -= rebate;
    out.push({
      tradeFee: formatScaled(fee, MICRO),
      rounding: formatScaled(rounding, MICRO),
      accumulator: formatScaled(reported, MICRO),
      rebate: formatScaled(rebate, MICRO),
      netFee: formatScaled(fee + rounding - rebate, MICRO),
      balanceChange: formatScaled(floored, MICRO),
    });
  }
  return ok(out);
}
