/** The snapshot capture (SPEC §15): plan, sources, run, format, loader. One import for the Worker and the Node tools. */
export { capturePlan, CAPTURE_DEFAULTS, type CaptureMode, type CapturePlan, type CaptureVars } from "./plan";
export { HyperliquidSource } from "./hyperliquid";
export { PolymarketSource } from "./polymarket";
export { KalshiSource } from "./kalshi";
export type { CaptureSource, FetchJson, FetchOutcome, HttpRequest, SourcePass } from "./source";
export { runCapture, sourcesFor, type CaptureFile, type CaptureRunStatus, type RunDeps } from "./run";
export { acceptSource, type CaptureManifest, type CaptureSourceKind, type SourceOutcome } from "./manifest";
export { decodeCapture, encodeCapture, type DecodedCapture } from "./jsonl";
export { captureEvents, loadCaptures, spanOf, type LoadedCapture } from "./load";
export type { CaptureEvents } from "./events";
export type { CaptureRecord } from "./record";
export { CAPTURE_ID_PATTERN, CAPTURE_PREFIX, STATUS_KEY, captureKeys, idOfManifestKey, runId } from "./ids";
export { CaptureIdParam, CaptureListQuery } from "./requests";
