import type { MarketDO } from "../../durable-objects/market-do";
import type { RiskDO } from "../../durable-objects/risk-do";
import type { StatusHub } from "../../durable-objects/status-hub";
import type { Signer } from "../signer/index";

/** Bindings of the api Worker (wrangler.toml). Secrets: ADMIN_TOKEN. */
export interface Env {
  MARKET: DurableObjectNamespace<MarketDO>;
  RISK: DurableObjectNamespace<RiskDO>;
  STATUS_HUB: DurableObjectNamespace<StatusHub>;
  CAPTURES: R2Bucket;
  SIGNER: Service<Signer>;
  ASSETS: Fetcher;
  HL_API_URL: string;
  HL_WS_URL: string;
  HL_NETWORK: string;
  HL_ACCOUNT: string;
  /** JSON override of the bot config's SPEC defaults (shared/runtime/admin/config-override.ts). */
  BOT_CONFIG?: string;
  ADMIN_TOKEN?: string;
  /** Durable Object location hint (durable-objects/stubs.ts): `apac-ne` for Hyperliquid in production, unset locally. */
  DO_LOCATION_HINT?: string;
}
