import type { MarketDO } from "../../durable-objects/market-do";
import type { RiskDO } from "../../durable-objects/risk-do";
import type { Signer } from "../signer/index";

/** Bindings of the api Worker (wrangler.toml). Secrets: ADMIN_TOKEN. */
export interface Env {
  MARKET: DurableObjectNamespace<MarketDO>;
  RISK: DurableObjectNamespace<RiskDO>;
  CAPTURES: R2Bucket;
  SIGNER: Service<Signer>;
  ASSETS: Fetcher;
  HL_API_URL: string;
  HL_WS_URL: string;
  HL_NETWORK: string;
  HL_ACCOUNT: string;
  ADMIN_TOKEN?: string;
}
