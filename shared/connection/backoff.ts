/**
 * Reconnect delays: exponential backoff with full jitter (delay drawn uniformly from
 * [0, min(max, base·2^attempt)]), the form Cloudflare's own agents/partyserver code uses;
 * jitter keeps many markets from reconnecting in lockstep after a venue-wide drop.
 * `random` is passed in (the pure core never calls Math.random).
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Never wait less than this, so a flapping venue is not hammered. */
  minMs: number;
}

export const VENUE_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000, minMs: 250 };

export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.max(policy.minMs, Math.floor(random() * exp));
}
