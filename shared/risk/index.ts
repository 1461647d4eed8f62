/** The risk gate's public surface (SPEC §10): one import for the RiskDO and the backtest. */
export * from "./types";
export { createRiskState, registerInstrument, grossNotional, equity, drawdown, exposureKey, worstLots, type InstrumentError } from "./state";
export { decide, modeFor, globalMode, submitTokens } from "./decide";
export { gate, reserve, release, applyAck, applyFill, markToMarket, kill, type RiskAck, type RiskFill, type RiskInputError } from "./transitions";
export {
  trigger,
  clearTrigger,
  observeLatency,
  observeDepth,
  observeSlippage,
  observeSigner,
  observeVenue,
  observeLiveness,
  venueDisconnected,
  venueReconnected,
  resume,
  setReducing,
  type Liveness,
  type ResumeError,
} from "./triggers";
export { TRIGGER_POLICY } from "./trigger-policy";
