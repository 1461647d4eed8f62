/**
 * Hex <-> bytes without allocating intermediate strings per byte; these run on the signing hot
 * path (r, s, connection ids) where viem's general-purpose helpers are measurably slower.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function bytesToHex(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i] ?? 0];
  return s;
}

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Decodes "0x"-prefixed or bare even-length hex; null if any digit is not hex. */
export function hexToBytes(hex: string): Uint8Array | null {
  const start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
  const n = hex.length - start;
  if (n % 2 !== 0) return null;
  const out = new Uint8Array(n / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(hex.charCodeAt(start + 2 * i));
    const lo = nibble(hex.charCodeAt(start + 2 * i + 1));
    if (hi < 0 || lo < 0) return null;
    out[i] = (hi << 4) | lo;
  }
  return out;
}
