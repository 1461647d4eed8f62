/**
 * Exact decimal strings <-> integers at a fixed scale, without going through floats.
 * Wire values ("111038.0", "0.00123") become integer ticks/lots; integers print back as the
 * canonical wire form (no exponent, no trailing zeros, "-0" never appears).
 */

const POW10: number[] = Array.from({ length: 19 }, (_, i) => 10 ** i);

/** 10^k as an exact number for 0 <= k <= 18 (exact up to 2^53 for k <= 15). */
export function pow10(k: number): number {
  const p = POW10[k];
  if (p === undefined) throw new RangeError(`pow10: exponent ${k} out of range`);
  return p;
}

/**
 * Parses a plain decimal string ("123", "-0.0500", "1e-3" is refused) into an integer
 * scaled by 10^decimals. Digits beyond `decimals` must be zeros, otherwise the value is
 * not representable on this grid and the result is null. Null also for anything that is
 * not a finite decimal or that would exceed Number.MAX_SAFE_INTEGER.
 */
export function parseScaled(s: string, decimals: number): number | null {
  const len = s.length;
  if (len === 0 || len > 40) return null;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 /* - */) {
    neg = true;
    i = 1;
  } else if (c0 === 43 /* + */) {
    i = 1;
  }
  let acc = 0;
  let digits = 0;
  let frac = -1; // digits seen after the point, -1 before the point
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const d = c - 48;
      if (frac >= 0) {
        if (frac >= decimals) {
          if (d !== 0) return null;
          continue;
        }
        frac++;
      }
      acc = acc * 10 + d;
      digits++;
    } else if (c === 46 /* . */ && frac < 0) {
      frac = 0;
    } else {
      return null;
    }
  }
  if (digits === 0) return null;
  const have = frac < 0 ? 0 : frac;
  if (have < decimals) acc *= pow10(decimals - have);
  if (!Number.isSafeInteger(acc)) return null;
  return neg && acc !== 0 ? -acc : acc;
}

/** Prints an integer at scale 10^decimals as a canonical decimal string ("0.05", "100"). */
export function formatScaled(n: number, decimals: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatScaled: ${n} is not a safe integer`);
  if (n === 0) return "0";
  const neg = n < 0;
  let digits = String(neg ? -n : n);
  if (decimals === 0) return neg ? `-${digits}` : digits;
  if (digits.length <= decimals) digits = "0".repeat(decimals - digits.length + 1) + digits;
  const cut = digits.length - decimals;
  let fracPart = digits.slice(cut);
  let end = fracPart.length;
  while (end > 0 && fracPart.charCodeAt(end - 1) === 48) end--;
  fracPart = fracPart.slice(0, end);
  const body = fracPart.length > 0 ? `${digits.slice(0, cut)}.${fracPart}` : digits.slice(0, cut);
  return neg ? `-${body}` : body;
}

/** Number of digits after the point in a plain decimal string, ignoring trailing zeros. */
export function decimalPlaces(s: string): number {
  const dot = s.indexOf(".");
  if (dot < 0) return 0;
  let end = s.length;
  while (end > dot + 1 && s.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}
