/**
 * The venue's clock as seen from here. Nonces must lie within (T - 2 days, T + 1 day) of the
 * venue's block time, scheduleCancel wants a `time` at least 5 s past the venue's now, and
 * expiresAfter is compared with it too (reference/hyperliquid.md §6.1, §3.1). A skewed local
 * clock (or a simulator whose clock was moved forward) would get all three refused, so the
 * offset is measured from the time stamps the venue returns (clearinghouseState.time) and
 * applied to every venue-facing time. Local time still drives everything internal.
 */

export interface VenueClock {
  /** venue ms - local ms. */
  offsetMs: number;
  /** Round trip of the measurement the offset came from (its uncertainty is half of it). */
  rttMs: number | null;
  measuredAtMs: number | null;
}

export const localClock = (): VenueClock => ({ offsetMs: 0, rttMs: null, measuredAtMs: null });

/** One measurement: the venue stamped `venueMs` somewhere between `sentMs` and `answeredMs` (local). */
export function measureOffset(c: VenueClock, venueMs: number, sentMs: number, answeredMs: number): VenueClock {
  if (!Number.isFinite(venueMs) || answeredMs < sentMs) return c;
  const rtt = answeredMs - sentMs;
  return { offsetMs: Math.round(venueMs - (sentMs + answeredMs) / 2), rttMs: rtt, measuredAtMs: answeredMs };
}

export const venueNow = (c: VenueClock, localMs: number): number => localMs + c.offsetMs;
