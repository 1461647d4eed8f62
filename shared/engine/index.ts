/** The trading engines' public surface (README.md): one import for the MarketDO, the RiskDO and the backtest. */
export * from "./types";
export * from "./ledger";
export { MarketEngine } from "./market-engine";
export { AccountEngine } from "./account-engine";
