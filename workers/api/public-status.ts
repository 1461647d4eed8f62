/**
 * `/api/status`, read-only and without a token: the network, every market with its feed state
 * and engine status, the risk mode and how many decisions were made. Positions, orders and PnL
 * stay behind the admin token (and in the dashboard's stream).
 */
import type { Overview } from "../../durable-objects/status-hub";

export interface RiskSummary {
  state: unknown;
  mode: unknown;
  phase: unknown;
  killed: unknown;
  killReason: unknown;
}

export interface PublicStatus {
  network: string;
  venue: Overview["venue"];
  ts: number;
  risk: RiskSummary | null;
  markets: Overview["markets"];
  decisions: { markets: number; risk: unknown };
}

export function publicStatus(o: Overview): PublicStatus {
  let markets = 0;
  for (const m of o.markets) if ("decisions" in m) markets += m.decisions;
  const r = o.risk as { state?: unknown; mode?: unknown; phase?: unknown; account?: { killed?: unknown; killReason?: unknown; counts?: unknown } } | null;
  const risk = r === null ? null : { state: r.state ?? null, mode: r.mode ?? null, phase: r.phase ?? null, killed: r.account?.killed ?? null, killReason: r.account?.killReason ?? null };
  // The RiskDO's counts of what its gate made of the decisions (submitted, passed, resized, rejected, ...).
  return { network: o.network, venue: o.venue, ts: o.ts, risk, markets: o.markets, decisions: { markets, risk: r?.account?.counts ?? null } };
}
