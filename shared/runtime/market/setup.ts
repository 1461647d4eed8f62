/**
 * A market's engine config from what the venue says about it (SPEC §2: side labels, underlying,
 * strike, expiry and quote token come from outcomeMeta, never constants; asset ids and tick rules
 * from meta, perpDexs and each HIP-3 dex's meta through the wire layer's universe). Pure: the
 * MarketDO fetches the /info responses, this turns them and the bot config into a
 * MarketEngineConfig, or into every reason it cannot.
 */
import { resolveMarket, type BotConfig } from "../../config";
import { err, ok, type Result } from "../../core/result";
import type { MarketEngineConfig, OutcomeSpec, StrategySpec } from "../../engine/types";
import type { Instrument } from "../../execution/types";
import type { PipelineConfig } from "../../pipeline/config";
import type { MetaResponse, OutcomeMetaResponse, OutcomeSpec as VenueOutcome, PerpDexsResponse } from "../../venues/hyperliquid/info-schemas";
import { parseOutcomeDescription } from "../../venues/hyperliquid/outcome-ticker";
import { maxPriceDecimals, sizeDecimals } from "../../venues/hyperliquid/price-rules";
import { buildUniverse, resolveAsset, type AssetInfo, type AssetUniverse } from "../../venues/hyperliquid/universe";
import { leadLagConfig, outcomePipeline, perpPipeline } from "./pipelines";
import type { MarketRequest, SetupIssue } from "./types";

export interface VenueMetadata {
  meta: MetaResponse;
  /** [null] when the venue lists no builder dex. */
  perpDexs: PerpDexsResponse;
  /** meta of each builder dex the request names, by dex name. */
  dexMetas: Readonly<Record<string, MetaResponse>>;
  outcomeMeta: OutcomeMetaResponse;
}

/** Venue minimum order value: $10 on perps, 10 of the quote token on outcomes [hyperliquid.md §4.5]. */
const MIN_NOTIONAL = 10;
const ID_SUFFIX = /^[a-z0-9-]{1,24}$/;
const EXPIRY = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/;

/** The dex a wire coin trades on ("" for the first dex). */
export const dexOf = (coin: string): string => (coin.includes(":") ? coin.slice(0, coin.indexOf(":")) : "");

/** "<venue>:<coin>" -> the Hyperliquid wire coin; null for another venue or a malformed id. */
export function hlCoin(market: string): string | null {
  return market.startsWith("hl:") && market.length > 3 ? market.slice(3) : null;
}

/** The builder dexes whose meta a request needs (its market, the parity perp, the OFI lead). */
export function dexesNamed(req: MarketRequest): string[] {
  const coins = [hlCoin(req.market) ?? ""];
  if (req.strategy.kind === "parity") coins.push(req.strategy.perp);
  if (req.strategy.kind === "ofi" && req.strategy.lead !== undefined) coins.push(req.strategy.lead);
  return [...new Set(coins.map(dexOf).filter((d) => d !== ""))];
}

/** "20260510-0600" (outcomeMeta expiry, UTC) -> ms. */
export function outcomeExpiryMs(s: string): number | null {
  const m = EXPIRY.exec(s);
  if (m === null) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(ms);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 ? ms : null;
}

function perpInstrument(a: AssetInfo): Instrument {
  return { market: `hl:${a.coin}`, venue: "hl", pxDecimals: maxPriceDecimals(a.tick), szDecimals: sizeDecimals(a.tick), payoff: "linear", minNotionalUsd: MIN_NOTIONAL };
}

interface OutcomeFacts {
  spec: OutcomeSpec;
  underlying: string | null;
  strike: number | null;
}

function outcomeOf(u: AssetUniverse, yes: AssetInfo, issues: SetupIssue[]): OutcomeFacts | null {
  const o = yes.outcome;
  if (yes.kind !== "outcome" || o === undefined) {
    issues.push({ path: "market", message: `${yes.coin} is not a HIP-4 outcome side` });
    return null;
  }
  if (o.side !== 0) {
    issues.push({ path: "market", message: `name the outcome by its side-0 coin #${10 * o.outcome}, not ${yes.coin}` });
    return null;
  }
  const no = resolveAsset(u, `#${10 * o.outcome + 1}`);
  const desc = parseOutcomeDescription(o.description);
  const expiryMs = desc?.expiry === undefined ? null : outcomeExpiryMs(desc.expiry);
  if (!no.ok || expiryMs === null) {
    issues.push({ path: "market", message: `outcome ${o.outcome}: ${!no.ok ? "no side 1 in outcomeMeta" : `no expiry in "${o.description}"`}` });
    return null;
  }
  const leg = (a: AssetInfo, sign: 1 | -1): Instrument => ({
    market: `hl:${a.coin}`,
    venue: "hl",
    pxDecimals: maxPriceDecimals(a.tick),
    szDecimals: sizeDecimals(a.tick),
    payoff: "binary",
    group: `hl:outcome:${o.outcome}`,
    groupSign: sign,
    minNotionalUsd: MIN_NOTIONAL,
  });
  const strike = desc?.targetPrice === undefined ? null : Number(desc.targetPrice);
  return {
    spec: { yes: leg(yes, 1), no: leg(no.value, -1), expiryMs },
    underlying: desc?.underlying ?? null,
    strike: strike !== null && Number.isFinite(strike) && strike > 0 ? strike : null,
  };
}

function perpAsset(u: AssetUniverse, coin: string, path: string, issues: SetupIssue[]): AssetInfo | null {
  const a = resolveAsset(u, coin);
  if (!a.ok || (a.value.kind !== "perp" && a.value.kind !== "hip3")) {
    issues.push({ path, message: a.ok ? `${coin} is a ${a.value.kind} asset, not a perp` : `${coin} is not listed by the venue` });
    return null;
  }
  return a.value;
}

function checkId(req: MarketRequest, issues: SetupIssue[]): void {
  // A rolled outcome keeps the engine id of the market it was first configured on.
  const named = req.origin ?? req.market;
  if (req.id === named) return;
  const suffix = req.id.startsWith(`${named}~`) ? req.id.slice(named.length + 1) : null;
  if (suffix === null || !ID_SUFFIX.test(suffix)) issues.push({ path: "id", message: `must be "${named}" or "${named}~<name>" (lowercase letters, digits, -)` });
}

export interface MarketSetup {
  request: MarketRequest;
  engine: MarketEngineConfig;
  /** The outcome traded, as outcomeMeta lists it (outcome strategies only). */
  outcome?: VenueOutcome;
}

export function buildMarketSetup(req: MarketRequest, venue: VenueMetadata, config: BotConfig): Result<MarketSetup, SetupIssue[]> {
  const issues: SetupIssue[] = [];
  checkId(req, issues);
  const coin = hlCoin(req.market);
  if (coin === null) return err([...issues, { path: "market", message: 'only Hyperliquid markets ("hl:<coin>") are supported' }]);
  const params = resolveMarket(config, req.id);
  if (!params.ok) return err([...issues, ...params.error]);
  const universe = buildUniverse({ meta: venue.meta, outcomeMeta: venue.outcomeMeta, hip3: { perpDexs: venue.perpDexs, metas: venue.dexMetas } });
  if (!universe.ok) return err([...issues, { path: "venue", message: `venue metadata: ${universe.error.kind}` }]);
  const u = universe.value;
  const own = resolveAsset(u, coin);
  if (!own.ok) return err([...issues, { path: "market", message: `${coin} is not listed by the venue` }]);
  let strategy: StrategySpec | null = null;
  let pipelines: PipelineConfig[] = [];
  const s = req.strategy;
  switch (s.kind) {
    case "mm":
    case "fixed": {
      const o = outcomeOf(u, own.value, issues);
      if (o === null) break;
      strategy = s.kind === "mm" ? { kind: "mm", outcome: o.spec } : { kind: "fixed", outcome: o.spec, halfSpread: s.halfSpread };
      pipelines = [outcomePipeline(coin, o.spec.yes)];
      break;
    }
    case "parity": {
      const o = outcomeOf(u, own.value, issues);
      const perp = perpAsset(u, s.perp, "strategy.perp", issues);
      if (o === null || perp === null) break;
      if (o.underlying !== perp.coin) issues.push({ path: "strategy.perp", message: `the outcome settles on ${o.underlying ?? "an unnamed underlying"}, not on ${perp.coin}` });
      if (o.strike === null) issues.push({ path: "market", message: "the outcome's description has no targetPrice (strike)" });
      const p = perpInstrument(perp);
      strategy = { kind: "parity", outcome: o.spec, perp: p, strike: o.strike ?? 0 };
      pipelines = [outcomePipeline(coin, o.spec.yes), perpPipeline(perp.coin, p)];
      break;
    }
    case "ofi": {
      const lag = perpAsset(u, coin, "market", issues);
      const dex = dexOf(coin);
      const leadCoin = s.lead ?? (dex === "" ? params.value.ofi.lead_symbol : `${dex}:${params.value.ofi.lead_symbol}`);
      const lead = perpAsset(u, leadCoin, "strategy.lead", issues);
      if (lag === null || lead === null) break;
      if (lead.coin === lag.coin) issues.push({ path: "strategy.lead", message: "lead and lag must be different symbols" });
      const p = perpInstrument(lag);
      strategy = { kind: "ofi", perp: p };
      pipelines = [perpPipeline(lag.coin, p, leadLagConfig(lead.coin, lag.coin))];
      break;
    }
  }
  const index = strategy !== null && strategy.kind !== "ofi" ? own.value.outcome?.outcome : undefined;
  const outcome = index === undefined ? undefined : venue.outcomeMeta.outcomes.find((o) => o.outcome === index);
  if (req.roll === true && outcome === undefined) issues.push({ path: "roll", message: "only an outcome market rolls to the next outcome of its series" });
  if (issues.length > 0 || strategy === null) return err(issues);
  return ok({
    ...(outcome === undefined ? {} : { outcome }),
    request: req,
    engine: {
      id: req.id,
      strategy,
      params: params.value,
      router: config.execution.router,
      feedback: config.feedback,
      pipelines,
      staleFeedMs: config.risk.stale_feed_ms,
    },
  });
}
