/**
 * The one place MarketDO and RiskDO stubs are obtained (SPEC §17: Durable Objects placed near
 * the venue). A location hint only counts at an object's first `get()` and the object never
 * moves (reference/cloudflare.md §2.1), so every caller passes the same hint, from the
 * `DO_LOCATION_HINT` var: `apac-ne` (Tokyo) for Hyperliquid in production, unset locally
 * (workerd runs everything in one process). A value that is not a Cloudflare location is not
 * passed on (the object is placed by default, near its first caller).
 */
import type { MarketDO } from "./market-do";
import type { RiskDO } from "./risk-do";

const HINTS: ReadonlySet<string> = new Set<DurableObjectLocationHint>(["wnam", "enam", "sam", "weur", "eeur", "apac", "apac-ne", "apac-se", "oc", "afr", "me"]);

export interface HintEnv {
  DO_LOCATION_HINT?: string;
}

/** `{ locationHint }` for a known hint, else undefined. */
export function stubOptions(env: HintEnv): DurableObjectNamespaceGetDurableObjectOptions | undefined {
  const h = env.DO_LOCATION_HINT?.trim();
  return h !== undefined && HINTS.has(h) ? { locationHint: h as DurableObjectLocationHint } : undefined;
}

export function marketStub(env: HintEnv & { MARKET: DurableObjectNamespace<MarketDO> }, id: string): DurableObjectStub<MarketDO> {
  return env.MARKET.getByName(id, stubOptions(env));
}

/** The one RiskDO ("risk"). */
export function riskStub(env: HintEnv & { RISK: DurableObjectNamespace<RiskDO> }): DurableObjectStub<RiskDO> {
  return env.RISK.getByName("risk", stubOptions(env));
}
