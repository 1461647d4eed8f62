import { describe, expect, it } from "vitest";
import recordedMeta from "../../../data/hyperliquid/api-samples/hl_python_sdk_cassettes/response_meta.json";
import { BOT_DEFAULTS, updateBotConfig, type BotConfig } from "../../config";
import { MarketEngine } from "../../engine";
import { MetaResponse, type OutcomeMetaResponse } from "../../venues/hyperliquid/info-schemas";
import { buildMarketSetup, dexesNamed, outcomeExpiryMs, type VenueMetadata } from "./setup";
import type { MarketRequest } from "./types";

// The real 2023 mainnet meta (BTC = 0, szDecimals 5; ETH = 1, szDecimals 4); outcome 15 as the
// HIP-4 recording's market/question metadata describes it; the BTC+ETH recording as dex "rpl"
// with the first dex's decimals, as the simulator serves them.
const meta = MetaResponse.parse(recordedMeta.response);
const outcomeMeta: OutcomeMetaResponse = {
  outcomes: [
    {
      outcome: 15,
      name: "Recurring",
      description: "class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d",
      sideSpecs: [{ name: "Yes" }, { name: "No" }],
      quoteToken: "USDC",
    },
  ],
};
const rplMeta: MetaResponse = {
  universe: [
    { name: "rpl:BTC", szDecimals: 5, maxLeverage: 50 },
    { name: "rpl:ETH", szDecimals: 4, maxLeverage: 50 },
  ],
};
const venue: VenueMetadata = { meta, perpDexs: [null, { name: "rpl", fullName: "replay of 2025-09-04" }], dexMetas: { rpl: rplMeta }, outcomeMeta };

const build = (req: MarketRequest, config: BotConfig = BOT_DEFAULTS) => buildMarketSetup(req, venue, config);
const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("buildMarketSetup: engine configs from venue metadata", () => {
  it("an outcome market maker trades both legs of outcome 15 as one exposure group, expiring as outcomeMeta says", () => {
    const s = must(build({ id: "hl:#150", market: "hl:#150", strategy: { kind: "mm" } }));
    expect(s.engine.strategy).toEqual({
      kind: "mm",
      outcome: {
        yes: { market: "hl:#150", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "hl:outcome:15", groupSign: 1, minNotionalUsd: 10 },
        no: { market: "hl:#151", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "hl:outcome:15", groupSign: -1, minNotionalUsd: 10 },
        expiryMs: Date.UTC(2026, 4, 10, 6, 0),
      },
    });
    expect(s.engine.pipelines.map((p) => [p.coin, p.payout, p.scale])).toEqual([["#150", 1, { pxDecimals: 5, szDecimals: 0 }]]);
    expect(s.engine.staleFeedMs).toBe(BOT_DEFAULTS.risk.stale_feed_ms);
    const engine = must(MarketEngine.create(s.engine));
    expect(engine.coins()).toEqual(["#150"]);
    expect(engine.instruments().map((i) => i.market)).toEqual(["hl:#150", "hl:#151"]);
  });

  it("parity reads the strike from the description and hedges on the perp of the outcome's underlying", () => {
    const s = must(build({ id: "hl:#150~parity", market: "hl:#150", strategy: { kind: "parity", perp: "BTC" } }));
    expect(s.engine.strategy).toMatchObject({ kind: "parity", strike: 80354, perp: { market: "hl:BTC", pxDecimals: 1, szDecimals: 5, payoff: "linear" } });
    const engine = must(MarketEngine.create(s.engine));
    expect(engine.coins()).toEqual(["#150", "BTC"]);
    expect(engine.instruments().map((i) => i.market).sort()).toEqual(["hl:#150", "hl:#151", "hl:BTC"]);
    // The 2025 BTC of the replay dex is another market than the outcome's underlying.
    expect(build({ id: "hl:#150~parity", market: "hl:#150", strategy: { kind: "parity", perp: "rpl:BTC" } })).toEqual({
      ok: false,
      error: [{ path: "strategy.perp", message: "the outcome settles on BTC, not on rpl:BTC" }],
    });
  });

  it("OFI on a HIP-3 perp leads with the configured lead symbol on the same dex", () => {
    const s = must(build({ id: "hl:rpl:ETH", market: "hl:rpl:ETH", strategy: { kind: "ofi" } }));
    expect(s.engine.strategy).toEqual({ kind: "ofi", perp: { market: "hl:rpl:ETH", venue: "hl", pxDecimals: 2, szDecimals: 4, payoff: "linear", minNotionalUsd: 10 } });
    expect(s.engine.pipelines[0]?.leadLag).toMatchObject({ lead: "rpl:BTC", lag: "rpl:ETH" });
    expect(s.engine.pipelines[0]!.leadLag!.windowMs).toBeLessThan(300);
    expect(must(MarketEngine.create(s.engine)).coins().sort()).toEqual(["rpl:BTC", "rpl:ETH"]);
    const explicit = must(build({ id: "hl:ETH", market: "hl:ETH", strategy: { kind: "ofi", lead: "BTC" } }));
    expect(explicit.engine.pipelines[0]?.leadLag).toMatchObject({ lead: "BTC", lag: "ETH" });
  });

  it("per-market overrides of the bot config are applied by engine id", () => {
    const config = must(updateBotConfig(BOT_DEFAULTS, { markets: { "hl:#150": { mm: { gamma: 2 } } } }));
    expect(must(build({ id: "hl:#150", market: "hl:#150", strategy: { kind: "mm" } }, config)).engine.params.mm.gamma).toBe(2);
    expect(must(build({ id: "hl:#150~b", market: "hl:#150", strategy: { kind: "mm" } }, config)).engine.params.mm.gamma).toBe(BOT_DEFAULTS.strategies.mm.gamma);
  });

  it("refuses with the field and the reason", () => {
    const issues = (req: MarketRequest) => {
      const r = build(req);
      return r.ok ? [] : r.error;
    };
    expect(issues({ id: "hl:#151", market: "hl:#151", strategy: { kind: "mm" } })).toEqual([{ path: "market", message: "name the outcome by its side-0 coin #150, not #151" }]);
    expect(issues({ id: "hl:#990", market: "hl:#990", strategy: { kind: "mm" } })).toEqual([{ path: "market", message: "#990 is not listed by the venue" }]);
    expect(issues({ id: "hl:BTC", market: "hl:BTC", strategy: { kind: "mm" } })).toEqual([{ path: "market", message: "BTC is not a HIP-4 outcome side" }]);
    expect(issues({ id: "pm:123", market: "pm:123", strategy: { kind: "mm" } })).toEqual([{ path: "market", message: 'only Hyperliquid markets ("hl:<coin>") are supported' }]);
    expect(issues({ id: "other", market: "hl:#150", strategy: { kind: "mm" } })[0]?.path).toBe("id");
    expect(issues({ id: "hl:rpl:ETH", market: "hl:rpl:ETH", strategy: { kind: "ofi", lead: "rpl:ETH" } })).toEqual([{ path: "strategy.lead", message: "lead and lag must be different symbols" }]);
    expect(issues({ id: "hl:ETH", market: "hl:ETH", strategy: { kind: "ofi", lead: "#150" } })).toEqual([{ path: "strategy.lead", message: "#150 is a outcome asset, not a perp" }]);
  });

  it("names the builder dexes whose meta it needs", () => {
    expect(dexesNamed({ id: "hl:rpl:ETH", market: "hl:rpl:ETH", strategy: { kind: "ofi", lead: "xyz:BTC" } })).toEqual(["rpl", "xyz"]);
    expect(dexesNamed({ id: "hl:#150", market: "hl:#150", strategy: { kind: "parity", perp: "BTC" } })).toEqual([]);
  });

  it("reads outcomeMeta expiries as UTC and refuses impossible ones", () => {
    expect(outcomeExpiryMs("20260510-0600")).toBe(Date.UTC(2026, 4, 10, 6, 0));
    expect(outcomeExpiryMs("20260532-0600")).toBeNull();
    expect(outcomeExpiryMs("20260510-2460")).toBeNull();
    expect(outcomeExpiryMs("2026-05-10")).toBeNull();
  });
});

describe("buildMarketSetup: rolling outcomes", () => {
  // The simulator's next pass lists outcome 16 beside (then instead of) 15 (scripts/sim/outcomes.ts).
  const out16 = { ...outcomeMeta.outcomes[0]!, outcome: 16, description: "class:priceBinary|underlying:BTC|expiry:20260511-0600|targetPrice:80354|period:1d" };
  const both: VenueMetadata = { ...venue, outcomeMeta: { outcomes: [...outcomeMeta.outcomes, out16] } };

  it("returns the outcome it trades as outcomeMeta lists it, and takes roll on an outcome", () => {
    const s = must(build({ id: "hl:#150", market: "hl:#150", strategy: { kind: "mm" }, roll: true }));
    expect(s.outcome).toEqual(outcomeMeta.outcomes[0]);
    expect(must(build({ id: "hl:rpl:ETH", market: "hl:rpl:ETH", strategy: { kind: "ofi" } })).outcome).toBeUndefined();
  });

  it("refuses roll on a perp market", () => {
    const r = build({ id: "hl:rpl:ETH", market: "hl:rpl:ETH", strategy: { kind: "ofi" }, roll: true });
    expect(r.ok ? [] : r.error).toEqual([{ path: "roll", message: "only an outcome market rolls to the next outcome of its series" }]);
  });

  it("a rolled request keeps the engine id of its origin; without the origin that id is refused", () => {
    const rolled = must(buildMarketSetup({ id: "hl:#150~parity", market: "hl:#160", origin: "hl:#150", strategy: { kind: "parity", perp: "BTC" }, roll: true }, both, BOT_DEFAULTS));
    expect(rolled.engine.id).toBe("hl:#150~parity");
    expect(rolled.engine.strategy).toMatchObject({ outcome: { yes: { market: "hl:#160" }, no: { market: "hl:#161" }, expiryMs: Date.UTC(2026, 4, 11, 6, 0) } });
    expect(rolled.outcome).toEqual(out16);
    const r = buildMarketSetup({ id: "hl:#150", market: "hl:#160", strategy: { kind: "mm" } }, both, BOT_DEFAULTS);
    expect(r.ok ? [] : r.error.map((i) => i.path)).toEqual(["id"]);
  });
});
