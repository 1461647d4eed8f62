/**
 * Exact decimal text from what recorders wrote. Python's float repr (`1e-05`, `109755.0`) and
 * JSON numbers read back through `String(n)` (shortest round-trip digits, `1e-7` below 1e-6)
 * carry the exact decimal the venue sent; this turns them into the plain decimal strings the
 * rest of the system uses, moving the decimal point on the text, never through float math.
 * (The wire layer's parseDecimalOrExponent/formatDecimal canonicalise through BigInt for signing;
 * loaders convert millions of values and keep the recorder's digits, so they shift text instead,
 * about 4x faster.)
 */

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Plain decimal string ("0.00001") for a decimal with an optional exponent, or null. */
export function plainDecimal(text: string): string | null {
  const m = NUMBER_TEXT.exec(text);
  if (m === null) return null;
  const sign = m[1] ?? "";
  const intPart = m[2] ?? "";
  const fracPart = m[3] ?? "";
  if (m[4] === undefined) return fracPart.length > 0 ? `${sign}${intPart}.${fracPart}` : `${sign}${intPart}`;
  const exp = Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 400) return null;
  const digits = intPart + fracPart;
  const point = intPart.length + exp; // position of the decimal point within `digits`
  let whole: string;
  let frac: string;
  if (point <= 0) {
    whole = "0";
    frac = "0".repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + "0".repeat(point - digits.length);
    frac = "";
  } else {
    whole = digits.slice(0, point);
    frac = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, "");
  return frac.length > 0 ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

/** Plain decimal string of a finite JSON number (exactly its shortest round-trip text), or null. */
export function numberToDecimal(n: unknown): string | null {
  if (typeof n !== "number" || !Number.isFinite(n)) return null;
  return plainDecimal(String(n));
}
