/** Config schemas and parsers (SPEC §16): one import for the admin API, the DOs and the backtest. */
export { deepMerge, type ConfigIssue, type ConfigResult } from "./parse";
export * from "./strategies";
export * from "./risk";
export * from "./execution";
export * from "./bot";
