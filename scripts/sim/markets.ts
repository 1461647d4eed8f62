/**
 * The simulator's market universe. Perps come from a real recorded `meta` response
 * (data/hyperliquid/api-samples/hl_python_sdk_cassettes/response_meta.json, mainnet 2023:
 * BTC = asset 0 with szDecimals 5, ETH = 1 with 4); HIP-4 outcomes come from the recording's
 * market/question metadata (see outcomes.ts). Asset ids, coins and tick rules are resolved with
 * the project's own universe builder over the very responses the simulator serves, so what a
 * client reads from /info is exactly what the simulator enforces.
 */
import { formatScaled } from "../../shared/core/decimal";
import { MatchingEngine } from "../../shared/matching/engine";
import { OUTCOME_FEES, PERP_TIER0_FEES } from "../../shared/matching/fees";
import { outcomeCoin } from "../../shared/venues/hyperliquid/assets";
import type { MetaResponse, OutcomeMetaResponse, PerpDexsResponse, SpotMetaResponse } from "../../shared/venues/hyperliquid/info-schemas";
import { maxPriceDecimals, sizeDecimals } from "../../shared/venues/hyperliquid/price-rules";
import { type AssetInfo, type AssetUniverse, buildUniverse } from "../../shared/venues/hyperliquid/universe";
import { type DexSpec, dexMeta, dexOfCoin, perpDexs } from "./dexes";
import type { OutcomeDef } from "./outcomes";

/** USDC as spotMeta lists it (docs info-endpoint/spot example, the mainnet token id). */
const USDC_TOKEN = {
  name: "USDC",
  szDecimals: 8,
  weiDecimals: 8,
  index: 0,
  tokenId: "0x6d1e7cde53ba9467b783cb7c530ce054",
  isCanonical: true,
  evmContract: null,
  fullName: null,
};

export interface MarketView {
  asset: AssetInfo;
  engine: MatchingEngine;
  pxDecimals: number;
  szDecimals: number;
  maxLeverage: number;
  outcome?: OutcomeDef;
}

export class Markets {
  private outcomes: OutcomeDef[] = [];
  private universe: AssetUniverse;
  private readonly engines = new Map<string, MatchingEngine>();
  private readonly marks = new Map<string, string>();
  /** HIP-3 builder dexes (dexes.ts): their `meta` by dex name, and the perpDexs response. */
  private readonly dexMetas: Record<string, MetaResponse>;
  readonly perpDexs: PerpDexsResponse;

  constructor(
    readonly meta: MetaResponse,
    dexes: readonly DexSpec[] = [],
  ) {
    this.dexMetas = Object.fromEntries(dexes.map((d) => [d.name, dexMeta(meta, d)]));
    this.perpDexs = perpDexs(dexes);
    this.universe = this.rebuild();
  }

  /** `meta` of a perp dex: "" or absent is the first dex; null for a dex that does not exist. */
  metaOf(dex: string | undefined): MetaResponse | null {
    if (dex === undefined || dex === "") return this.meta;
    return this.dexMetas[dex] ?? null;
  }

  /** Adds an outcome to the universe (a new recurring instance rolled in). */
  addOutcome(o: OutcomeDef): void {
    this.outcomes.push(o);
    this.universe = this.rebuild();
    const primary = outcomeCoin({ outcome: o.outcome, side: 0 });
    const dualCoin = outcomeCoin({ outcome: o.outcome, side: 1 });
    this.engines.set(primary, new MatchingEngine({ coin: primary, dualCoin, pxDecimals: 5, szDecimals: 0, fees: OUTCOME_FEES }));
  }

  /** Removes a settled outcome: its coins leave outcomeMeta and stop trading. */
  removeOutcome(outcome: number): void {
    this.outcomes = this.outcomes.filter((o) => o.outcome !== outcome);
    this.universe = this.rebuild();
    this.engines.delete(outcomeCoin({ outcome, side: 0 }));
  }

  liveOutcomes(): readonly OutcomeDef[] {
    return this.outcomes;
  }

  /** A market by wire coin or asset id; undefined when the universe has no such asset. */
  market(query: string | number): MarketView | undefined {
    const asset = typeof query === "number" ? this.universe.byAssetId.get(query) : this.universe.byCoin.get(query);
    if (asset === undefined) return undefined;
    const szDecimals = sizeDecimals(asset.tick);
    const pxDecimals = maxPriceDecimals(asset.tick);
    if (asset.kind === "outcome" && asset.outcome !== undefined) {
      const o = this.outcomes.find((x) => x.outcome === asset.outcome?.outcome);
      const engine = this.engines.get(outcomeCoin({ outcome: asset.outcome.outcome, side: 0 }));
      if (o === undefined || engine === undefined) return undefined;
      return { asset, engine, pxDecimals, szDecimals, maxLeverage: 1, outcome: o };
    }
    let engine = this.engines.get(asset.coin);
    if (engine === undefined) {
      engine = new MatchingEngine({ coin: asset.coin, pxDecimals, szDecimals, fees: PERP_TIER0_FEES });
      this.engines.set(asset.coin, engine);
    }
    const perp = asset.kind === "hip3" ? this.dexMetas[dexOfCoin(asset.coin)]?.universe.find((p) => p.name === asset.coin) : this.meta.universe[asset.assetId];
    return { asset, engine, pxDecimals, szDecimals, maxLeverage: perp?.maxLeverage ?? 1 };
  }

  /** The engine a recorded event of `coin` feeds (the primary coin's for either outcome leg). */
  engineFor(coin: string): MatchingEngine | undefined {
    return this.market(coin)?.engine;
  }

  setMark(coin: string, px: string): void {
    this.marks.set(coin, px);
  }

  /** Mark price: the recorded mark when the recording has one, else the served mid. */
  markPx(coin: string): string | null {
    const recorded = this.marks.get(coin);
    if (recorded !== undefined) return recorded;
    return this.midPx(coin);
  }

  midPx(coin: string): string | null {
    const m = this.market(coin);
    if (m === undefined) return null;
    const top = m.engine.levels(coin, 1);
    const bid = top.bids[0];
    const ask = top.asks[0];
    if (bid === undefined || ask === undefined) return null;
    return halve(bid.px + ask.px, m.pxDecimals);
  }

  /** Wire coins that have a book in the simulator (perps with an engine, both outcome legs). */
  tradedCoins(): string[] {
    const coins: string[] = [];
    for (const [coin] of this.engines) {
      coins.push(coin);
      const dual = this.universe.byCoin.get(coin)?.outcome;
      if (dual !== undefined) coins.push(outcomeCoin({ outcome: dual.outcome, side: 1 }));
    }
    return coins;
  }

  /** allMids of one perp dex ("" = the first dex, with spot and outcome mids), printed as the venue does. */
  mids(dex: string): Record<string, string> {
    const mids: Record<string, string> = {};
    for (const coin of this.tradedCoins()) {
      if (dexOfCoin(coin) !== dex) continue;
      const mid = this.midPx(coin);
      if (mid !== null) mids[coin] = mid.includes(".") ? mid : `${mid}.0`;
    }
    return mids;
  }

  spotMeta(): SpotMetaResponse {
    return { tokens: [USDC_TOKEN], universe: [] };
  }

  outcomeMeta(): OutcomeMetaResponse {
    return {
      outcomes: this.outcomes.map((o) => ({
        outcome: o.outcome,
        name: o.name,
        description: o.description,
        sideSpecs: [{ name: o.sideNames[0] }, { name: o.sideNames[1] }],
        quoteToken: o.quoteToken,
      })),
      questions: this.outcomes
        .filter((o) => o.question !== null)
        .map((o) => ({
          question: o.question?.id ?? 0,
          name: o.question?.name ?? o.name,
          description: o.question?.description ?? o.description,
          fallbackOutcome: null,
          namedOutcomes: [o.outcome],
          settledNamedOutcomes: [],
        })),
    };
  }

  private rebuild(): AssetUniverse {
    const u = buildUniverse({ meta: this.meta, outcomeMeta: this.outcomeMeta(), hip3: { perpDexs: this.perpDexs, metas: this.dexMetas } });
    if (!u.ok) throw new Error(`simulator universe: ${u.error.kind} ${"detail" in u.error ? u.error.detail : ""}`);
    return u.value;
  }
}

/** A sum of two prices halved, printed exactly (one more decimal when the sum is odd, as "80742.5"). */
function halve(sumTicks: number, decimals: number): string {
  return formatScaled(sumTicks * 5, decimals + 1);
}
