/**
 * Decimal strings as Hyperliquid hashes them. Prices, sizes and trigger prices go into the
 * signed msgpack as strings, so "2000.0" and "2000" sign differently and only the canonical
 * form (no trailing zeros, no leading zeros, no exponent, never "-0") is accepted by the
 * venue's own re-hash [reference/hyperliquid.md §4.4]. Everything here is exact: values are
 * digit strings and BigInts, never floats printed back.
 */
import { err, ok, type Result } from "../../core/result";

export type WireDecimalError =
  | { kind: "notDecimal"; input: string }
  | { kind: "notFinite"; input: string }
  | { kind: "tooPrecise"; input: string; maxDecimals: number }
  | { kind: "outOfRange"; input: string };

/** An exact decimal: value = (neg ? -1 : 1) * int / 10^scale, int >= 0. */
export interface ExactDecimal {
  neg: boolean;
  int: bigint;
  scale: number;
}

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const WITH_EXPONENT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function build(sign: string, whole: string, frac: string, exp: number): ExactDecimal | null {
  if (whole.length === 0 && frac.length === 0) return null;
  const digits = (whole + frac).replace(/^0+/, "");
  let scale = frac.length - exp;
  let int = digits.length === 0 ? 0n : BigInt(digits);
  if (scale < 0) {
    int *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { neg: sign === "-" && int !== 0n, int, scale };
}

/** Parses a plain decimal string ("0.0147", "-10.5", ".5", "2000.0"); exponents are refused. */
export function parseDecimal(s: string): ExactDecimal | null {
  if (s.length === 0 || s.length > 64) return null;
  const m = PLAIN.exec(s);
  if (m === null) return null;
  return build(m[1] ?? "", m[2] ?? "", m[3] ?? "", 0);
}

/** Like parseDecimal but also reads exponent notation ("1e-8"); for non-wire inputs only. */
export function parseDecimalOrExponent(s: string): ExactDecimal | null {
  if (s.length === 0 || s.length > 64) return null;
  const m = WITH_EXPONENT.exec(s);
  if (m === null) return null;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 400) return null;
  return build(m[1] ?? "", m[2] ?? "", m[3] ?? "", exp);
}

/** Prints an exact decimal canonically: "0.00076", "987654321", "-10.5", "0" (never "-0"). */
export function formatDecimal(d: ExactDecimal): string {
  let int = d.int;
  let scale = d.scale;
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale--;
  }
  if (int === 0n) return "0";
  let digits = int.toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return d.neg ? `-${digits}` : digits;
}

/** Digits after the point once trailing zeros are dropped. */
export function significantScale(d: ExactDecimal): number {
  let int = d.int;
  let scale = d.scale;
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale--;
  }
  return int === 0n ? 0 : scale;
}

/** Canonical wire form of an exact decimal string: "2000.0" -> "2000", "00.123" -> "0.123". */
export function canonicalDecimal(s: string): Result<string, WireDecimalError> {
  const d = parseDecimal(s);
  return d === null ? err({ kind: "notDecimal", input: s }) : ok(formatDecimal(d));
}

/**
 * The SDKs' float_to_wire: 8 decimals, trailing zeros stripped, "-0" -> "0", and a value that
 * 8 decimals cannot hold (|rounded - x| >= 1e-12) is refused rather than rounded (Python SDK).
 * toFixed is exact by specification (the nearest multiple of 10^-8 to the binary value); its
 * tie rule differs from Python's, but a tie is 5e-9 away from x and so always refused here.
 * It prints exponents from 1e21 up, far beyond any price or size, which are refused too.
 */
export function floatToWire(x: number): Result<string, WireDecimalError> {
  const input = String(x);
  if (!Number.isFinite(x)) return err({ kind: "notFinite", input });
  if (Math.abs(x) >= 1e21) return err({ kind: "outOfRange", input });
  const fixed = x.toFixed(8);
  if (Math.abs(Number(fixed) - x) >= 1e-12) return err({ kind: "tooPrecise", input, maxDecimals: 8 });
  const d = parseDecimal(fixed);
  return d === null ? err({ kind: "notDecimal", input }) : ok(formatDecimal(d));
}

/** The Python SDK's float_to_int_for_hashing: x * 10^8 as an exact integer (x with <= 8 decimals). */
export function floatToIntForHashing(x: number): Result<bigint, WireDecimalError> {
  const wire = floatToWire(x);
  if (!wire.ok) return wire;
  const d = parseDecimal(wire.value);
  if (d === null) return err({ kind: "notDecimal", input: wire.value });
  const v = d.int * 10n ** BigInt(8 - d.scale);
  return ok(d.neg ? -v : v);
}
