/**
 * Polymarket CLOB V2 taker fees (reference/polymarket-kalshi.md §1.8): the platform fee is
 * `shares · rate · (p·(1−p))^exponent`, charged to takers only, with `rate`/`exponent` per market
 * (`GET /clob-markets/{id}` fd {r, e}); the builder fee is `amountUsd · builderTakerRate`.
 * The exact functions work on pUSD amounts scaled by 1e6 and quantise fees to 5 decimals after
 * the full factor, as the venue's TypeScript SDK does.
 */
import { parseScaled } from "../../core/decimal";
import { err, ok, type Result } from "../../core/result";

/** pUSD and share amounts on the wire are integers scaled by 1e6. */
export const FIXED_SCALE = 1_000_000n;
/** Fees are quantised to 1e-5 pUSD, i.e. 10 units at the 1e6 scale. */
const FEE_QUANTUM = 10n;

export interface Ratio {
  num: bigint;
  den: bigint;
}

export type FeeError = { kind: "bad_price" | "bad_rate" | "bad_exponent" | "bad_amount"; detail: string };

/** Platform fee in pUSD for `shares` at `price` (floats; for estimates and Kelly's effective price). */
export function platformFeeUsd(shares: number, price: number, rate: number, exponent: number): number {
  return shares * takerFeePerShare(price, rate, exponent);
}

/** Taker fee per share: what raises the effective price of a Polymarket buy. */
export function takerFeePerShare(price: number, rate: number, exponent: number): number {
  return rate * Math.pow(price * (1 - price), exponent);
}

/** Builder fee in pUSD on a notional of `amountUsd`. */
export function builderFeeUsd(amountUsd: number, builderTakerRate: number): number {
  return amountUsd * builderTakerRate;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduce(num: bigint, den: bigint): Ratio {
  if (num === 0n) return { num: 0n, den: 1n };
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

const mul = (a: Ratio, b: Ratio): Ratio => reduce(a.num * b.num, a.den * b.den);

/** The exact value of a finite non-negative JS number as printed (shortest round-trip form). */
function ratioOfNumber(x: number): Ratio | null {
  if (!Number.isFinite(x) || x < 0) return null;
  const [mantissa = "0", expText = "0"] = String(x).split("e");
  const exp = Number(expText);
  const [whole = "0", frac = ""] = mantissa.split(".");
  const digits = BigInt(whole + frac);
  const places = frac.length - exp;
  return places <= 0 ? reduce(digits * 10n ** BigInt(-places), 1n) : reduce(digits, 10n ** BigInt(places));
}

/**
 * `rate · (p·(1−p))^exponent` as an exact ratio. For a non-integer exponent the venue evaluates
 * the power with a decimal Taylor series, which no closed form reproduces, so the float result
 * is taken at its printed value (as the venue SDK does).
 */
export function platformFeeRateFactor(price: string, rate: number, exponent: number): Result<Ratio, FeeError> {
  const p = parseScaled(price, 6);
  if (p === null || p <= 0 || p >= 1_000_000) return err({ kind: "bad_price", detail: price });
  const r = ratioOfNumber(rate);
  if (r === null) return err({ kind: "bad_rate", detail: String(rate) });
  if (!Number.isFinite(exponent)) return err({ kind: "bad_exponent", detail: String(exponent) });
  if (!Number.isSafeInteger(exponent)) {
    const pf = p / 1e6;
    const approx = ratioOfNumber(rate * Math.pow(pf * (1 - pf), exponent));
    return approx === null ? err({ kind: "bad_exponent", detail: String(exponent) }) : ok(approx);
  }
  const pb = BigInt(p);
  const base = reduce(pb * (FIXED_SCALE - pb), FIXED_SCALE * FIXED_SCALE);
  const e = BigInt(Math.abs(exponent));
  const pow = exponent >= 0 ? reduce(base.num ** e, base.den ** e) : reduce(base.den ** e, base.num ** e);
  return ok(mul(r, pow));
}

/** `feeBase · factor`, rounded down or up to the 1e-5 fee quantum (all at the 1e6 scale). */
export function platformFeeAmount(feeBase: bigint, factor: Ratio, rounding: "down" | "up"): bigint {
  const den = factor.den * FEE_QUANTUM;
  const n = feeBase * factor.num;
  let q = n / den;
  if (rounding === "up" && q * den < n) q += 1n;
  return q * FEE_QUANTUM;
}

export interface BuyBudget {
  /** Intended BUY notional, pUSD. */
  amountUsd: number;
  /** Most the buyer may spend including fees, pUSD. */
  maxSpendUsd: number;
  price: string;
  rate: number;
  exponent: number;
  builderTakerRate: number;
}

/**
 * The largest BUY notional (1e6 scale) whose notional plus platform and builder fees, each
 * rounded up to the fee quantum, fits in `maxSpendUsd`. Spend grows monotonically with the
 * notional, so a bisection over integer units finds it exactly.
 */
export function adjustBuyAmountForFees(b: BuyBudget): Result<bigint, FeeError> {
  const amount = toScaled(b.amountUsd);
  const maxSpend = toScaled(b.maxSpendUsd);
  if (amount === null || maxSpend === null) return err({ kind: "bad_amount", detail: `${b.amountUsd}/${b.maxSpendUsd}` });
  const factor = platformFeeRateFactor(b.price, b.rate, b.exponent);
  if (!factor.ok) return factor;
  const priceScaled = BigInt(parseScaled(b.price, 6) ?? 1);
  // Fee base of a BUY is its share count: notional / price.
  const perNotional = mul(factor.value, { num: FIXED_SCALE, den: priceScaled });
  const builder = ratioOfNumber(b.builderTakerRate);
  if (builder === null) return err({ kind: "bad_rate", detail: String(b.builderTakerRate) });
  const spend = (a: bigint): bigint =>
    a + platformFeeAmount(a, perNotional, "up") + platformFeeAmount(a, builder, "up");
  if (spend(amount) <= maxSpend) return ok(amount);
  let lo = 0n;
  let hi = amount < maxSpend ? amount : maxSpend;
  while (lo < hi) {
    const mid = (lo + hi + 1n) / 2n;
    if (spend(mid) <= maxSpend) lo = mid;
    else hi = mid - 1n;
  }
  return ok(lo);
}

function toScaled(usd: number): bigint | null {
  if (!Number.isFinite(usd) || usd < 0) return null;
  const r = ratioOfNumber(usd);
  if (r === null) return null;
  return (r.num * FIXED_SCALE) / r.den;
}
