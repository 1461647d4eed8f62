/**
 * Nonces, one strictly increasing sequence per signer (the agent address when an API wallet
 * signs) [docs nonces-and-api-wallets]. The venue keeps the 100 highest nonces per signer, takes
 * a new one only if it is above the smallest of them and unused, and only inside
 * (block time - 2 days, block time + 1 day). `max(now, last + 1)` (as @nktkas/hyperliquid does)
 * meets that with the clock passed in; the state is one number so a Durable Object can persist
 * it after every call and never reuse a nonce across restarts.
 */
import { err, ok, type Result } from "../../core/result";

export interface NonceState {
  last: number;
}

export type NonceError =
  | { kind: "badClock"; nowMs: number }
  | { kind: "aheadOfClock"; nonce: number; nowMs: number };

/** The venue refuses nonces more than a day ahead of its block time. */
export const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

export class NonceSource {
  private last: number;

  constructor(state: NonceState = { last: 0 }) {
    this.last = state.last;
  }

  /** The next nonce for this signer; persist exportState() before sending the action. */
  next(nowMs: number): Result<number, NonceError> {
    if (!Number.isSafeInteger(nowMs) || nowMs <= 0) return err({ kind: "badClock", nowMs });
    const nonce = Math.max(nowMs, this.last + 1);
    // A burst far ahead of the clock (or a clock that jumped back a day) would be refused anyway.
    if (nonce - nowMs >= MAX_AHEAD_MS) return err({ kind: "aheadOfClock", nonce, nowMs });
    this.last = nonce;
    return ok(nonce);
  }

  exportState(): NonceState {
    return { last: this.last };
  }
}

/** An expiresAfter timestamp ttlMs after now: the venue drops the action if it arrives later. */
export function expiresAfter(nowMs: number, ttlMs: number): Result<number, NonceError> {
  if (!Number.isSafeInteger(nowMs) || nowMs <= 0 || !Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    return err({ kind: "badClock", nowMs });
  }
  return ok(nowMs + ttlMs);
}
