/**
 * `/api/status`, read-only and without a token: the network, every market with its feed state
 * and engine status, the risk mode and how many decisions were made. Nothing that could move
 * money or reveal the account's keys; positions and orders stay behind the admin token.
 */
import type { Overview } from "../../durable-objects/status-hub";

export interface PublicStatus {
  network: string;
  ts: number;
  risk: unknown;
  markets: Overview["markets"];
  decisions: { markets: number; risk: unknown };
}

export function publicStatus(o: Overview): PublicStatus {
  let markets = 0;
  for (const m of o.markets) if ("decisions" in m) markets += m.decisions;
  // The RiskDO's counts of what its gate made of them (submitted, passed, resized, rejected, ...).
  const risk = o.risk as { account?: { counts?: unknown } } | null;
  return { network: o.network, ts: o.ts, risk: o.risk, markets: o.markets, decisions: { markets, risk: risk?.account?.counts ?? null } };
}
