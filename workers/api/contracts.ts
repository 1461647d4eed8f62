/**
 * Compile-time proof that the Durable Objects keep the contracts the other side codes against
 * (durable-objects/README.md): the api Worker and the MarketDOs call the RiskDO through
 * `RiskForAdmin` / `RiskForMarkets`, the RiskDO calls MarketDOs through its `MarketPeer`. A
 * signature that drifts breaks `npm run typecheck` here instead of failing at run time.
 */
import type { MarketDO } from "../../durable-objects/market-do";
import type { MarketPeer } from "../../durable-objects/risk/market-peer";
import type { RiskDO } from "../../durable-objects/risk-do";
import type { RiskForAdmin } from "../../shared/runtime/admin/risk-port";
import type { RiskForMarkets } from "../../shared/runtime/market/risk-port";

type Holds<T extends true> = T;
export type RiskDoKeepsItsContracts = Holds<RiskDO extends RiskForAdmin & RiskForMarkets ? true : false>;
export type MarketDoKeepsItsContract = Holds<MarketDO extends MarketPeer ? true : false>;
