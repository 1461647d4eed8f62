/**
 * Hyperliquid's nonce rules, per signer (the agent's address when an API wallet signs)
 * [docs nonces-and-api-wallets; reference/hyperliquid.md §6.1]:
 * - the 100 highest nonces are kept; once 100 are kept a new nonce must exceed the smallest;
 * - a nonce is never accepted twice;
 * - it must lie in (T − 2 days, T + 1 day), T the block time in ms.
 * Refusal texts are the venue's, as quoted verbatim from production logs in public code
 * ("Invalid nonce: duplicate nonce 1741107452532", nomeida/hyperliquid#61;
 * "Invalid nonce: nonce too low 1776584283874 < 1776584799101"; "... nonce too high N > M").
 */

export const NONCES_KEPT = 100;
const DAY_MS = 86_400_000;

export class NonceBook {
  /** Kept nonces per signer, ascending. */
  private readonly kept = new Map<string, number[]>();

  /** The venue's refusal text for this nonce at block time `now`, or null when it is acceptable. */
  check(signer: string, nonce: number, now: number): string | null {
    const kept = this.kept.get(signer) ?? [];
    if (indexOf(kept, nonce) >= 0) return `Invalid nonce: duplicate nonce ${nonce}`;
    const smallest = kept[0];
    if (kept.length >= NONCES_KEPT && smallest !== undefined && nonce <= smallest && nonce > now - 2 * DAY_MS) {
      return `Invalid nonce: nonce too low ${nonce} < ${smallest}`;
    }
    return windowError(nonce, now);
  }

  /** Records an accepted nonce (call after `check` returned null). */
  use(signer: string, nonce: number): void {
    let kept = this.kept.get(signer);
    if (kept === undefined) {
      kept = [];
      this.kept.set(signer, kept);
    }
    kept.splice(insertionPoint(kept, nonce), 0, nonce);
    if (kept.length > NONCES_KEPT) kept.shift();
  }

  keptFor(signer: string): readonly number[] {
    return this.kept.get(signer) ?? [];
  }
}

/**
 * The time-window part alone, which needs no signer: the venue refuses a stale nonce before it
 * even reads the signature (observed on approveAgent: "Invalid nonce: nonce too low
 * 1754600000000 < 1786024550598", quoted in public integration notes).
 */
export function windowError(nonce: number, now: number): string | null {
  const low = now - 2 * DAY_MS;
  const high = now + DAY_MS;
  if (nonce <= low) return `Invalid nonce: nonce too low ${nonce} < ${low}`;
  if (nonce >= high) return `Invalid nonce: nonce too high ${nonce} > ${high}`;
  return null;
}

function insertionPoint(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexOf(a: readonly number[], x: number): number {
  const i = insertionPoint(a, x);
  return a[i] === x ? i : -1;
}
