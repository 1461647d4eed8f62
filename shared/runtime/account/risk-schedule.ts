/**
 * The RiskDO's timed work and its one alarm (a Durable Object has exactly one): the earliest of
 * its deadlines, never more than 30 s away while it holds the private socket (outbound sockets
 * never hibernate, and an object idle for 70-140 s is evicted; reference/cloudflare.md §1.2).
 * Reconciliation every 30 s costs ~46 of the 1200 weight/min the venue allows per IP
 * (frontendOpenOrders 20, userFills 20, clearinghouseState, spotClearinghouseState and allMids 2
 * each; reference/hyperliquid.md §6.2), and runs within seconds while an order's fate is open.
 */

export interface RiskCadence {
  /** Full reconciliation with the venue. */
  reconcileMs: number;
  /** Reconciliation while orders are in flight or unknown. */
  reconcileBusyMs: number;
  /** AccountEngine.tick and the liveness observation. */
  tickMs: number;
  /** Audit retention sweep. */
  retentionMs: number;
  /** A failed boot (venue or signer unreachable) is retried after this. */
  bootRetryMs: number;
  maxAlarmMs: number;
  /** Alarms closer than this are pushed out a little (no busy loop on a deadline already due). */
  minAlarmMs: number;
}

export const RISK_CADENCE: RiskCadence = {
  reconcileMs: 30_000,
  reconcileBusyMs: 3_000,
  tickMs: 2_000,
  retentionMs: 3_600_000,
  bootRetryMs: 5_000,
  maxAlarmMs: 30_000,
  minAlarmMs: 50,
};

export function nextAlarmAt(nowMs: number, deadlines: readonly (number | null)[], c: RiskCadence = RISK_CADENCE): number {
  let at = nowMs + c.maxAlarmMs;
  for (const d of deadlines) if (d !== null && d < at) at = d;
  return Math.max(at, nowMs + c.minAlarmMs);
}
