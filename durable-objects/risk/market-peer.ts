/**
 * What the RiskDO calls on a MarketDO (durable-objects/README.md, MarketDO RPC): a fresh account
 * slice when the engine's holdings or live orders change, and the bot config after a hot
 * reload. Typed by the contract rather than by the class, so the account side builds on its own.
 */
import type { BotConfig } from "../../shared/config";
import type { AccountSlice } from "../../shared/engine/types";
import { marketStub } from "../stubs";
import type { RiskEnv } from "./env";

export interface MarketPeer {
  account(slice: AccountSlice): Promise<unknown>;
  applyConfig(config: BotConfig): Promise<unknown>;
}

export function marketPeer(env: RiskEnv, id: string): MarketPeer {
  return marketStub(env, id) as unknown as MarketPeer;
}
