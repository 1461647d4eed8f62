import { describe, expect, it } from "vitest";
import type { KellyConfig } from "../sizing/kelly";
import { KALSHI_TAKER } from "../venues/kalshi/fees";
import { findArb, type ArbLeg, type ArbParams } from "./arbitrage";
import { venueFeeModels } from "./venue-fees";

const KELLY: KellyConfig = { fraction: 0.25, max_fraction: 0.1, min_qty: 1, size_decimals: 0 };
const P: ArbParams = { min_edge_bps: 100, max_notional_usd: 50, var_bps: 1000 };

const hl: ArbLeg = {
  venue: "hl",
  yesMarket: "hl:#20",
  noMarket: "hl:#21",
  complement: false,
  buyYes: { px: 0.4, sz: 100 },
  buyNo: { px: 0.62, sz: 100 },
  fees: [{ kind: "bps", bps: 0 }],
  bridgingBps: 0,
  sizeDecimals: 0,
  minQty: 1,
};
const pm: ArbLeg = {
  venue: "pm",
  yesMarket: "pm:yes-token",
  noMarket: "pm:no-token",
  complement: false,
  buyYes: { px: 0.45, sz: 200 },
  buyNo: { px: 0.55, sz: 200 },
  fees: [{ kind: "polymarket", rate: 0.072, exponent: 1 }],
  bridgingBps: 10,
  sizeDecimals: 2,
  minQty: 5,
};
const ks: ArbLeg = {
  venue: "ks",
  yesMarket: "ks:KXBTCD-T78212.99",
  noMarket: "ks:KXBTCD-T78212.99",
  complement: false,
  buyYes: { px: 0.44, sz: 50 },
  buyNo: { px: 0.57, sz: 50 },
  fees: [{ kind: "kalshi", schedule: KALSHI_TAKER }],
  bridgingBps: 0,
  sizeDecimals: 0,
  minQty: 1,
};

describe("cross-venue arbitrage scan", () => {
  it("buys YES where it is cheapest and NO on another venue, net of fees and bridging", () => {
    const r = findArb("BTC|ge|78213|1", [hl, pm, ks], P, KELLY, 10_000);
    expect(r.kind).toBe("plan");
    if (r.kind !== "plan") return;
    const { plan } = r;
    // 0.40 + 0.55 + Polymarket fee 0.072·0.55·0.45 + 10 bps bridging on 0.55.
    const cost = 0.95 + 0.072 * 0.55 * 0.45 + 0.001 * 0.55;
    expect(plan.costPerPair).toBeCloseTo(cost, 12);
    expect(plan.edgeBps).toBeCloseTo(((1 - cost) / cost) * 1e4, 9);
    // $50 cap / 0.95 = 52.6 pairs, on the whole-share lot of the Hyperliquid leg.
    expect(plan.qty).toBe(52);
    expect(plan.boundBy).toBe("max_notional_usd");
    expect(plan.legs).toEqual([
      { venue: "hl", market: "hl:#20", contract: "yes", px: 0.4, qty: 52, tif: "Ioc" },
      { venue: "pm", market: "pm:no-token", contract: "no", px: 0.55, qty: 52, tif: "Ioc" },
    ]);
    expect(plan.expectedProfitUsd).toBeCloseTo(52 * (1 - cost), 9);
  });

  it("sizes by Kelly when the bankroll is small, and by depth when the book is thin", () => {
    const small = findArb("e", [hl, pm], P, KELLY, 100);
    expect(small.kind === "plan" && small.plan.boundBy).toBe("kelly");
    // max_fraction 0.1 of 100 USD at ~0.968 per pair = 10 pairs.
    expect(small.kind === "plan" && small.plan.qty).toBe(10);
    const thin = findArb("e", [{ ...hl, buyYes: { px: 0.4, sz: 7 } }, pm], P, KELLY, 10_000);
    expect(thin.kind === "plan" && thin.plan).toMatchObject({ qty: 7, boundBy: "depth" });
  });

  it("reads a complement leg's YES as the event's NO", () => {
    // Kalshi lists the complement ("below"): its YES at 0.52 delivers the event's NO.
    const below: ArbLeg = { ...ks, complement: true, buyYes: { px: 0.52, sz: 80 }, buyNo: { px: 0.5, sz: 80 } };
    const r = findArb("e", [hl, below], { ...P, max_notional_usd: 1000 }, KELLY, 100_000);
    expect(r.kind).toBe("plan");
    if (r.kind === "plan") {
      expect(r.plan.legs[1]).toMatchObject({ venue: "ks", contract: "yes", px: 0.52 });
      expect(r.plan.qty).toBe(80);
    }
  });

  it("refuses when the edge is under min_edge_bps", () => {
    const r = findArb("e", [hl, pm, ks], { ...P, min_edge_bps: 400 }, KELLY, 10_000);
    expect(r).toMatchObject({ kind: "none", reason: "edge under min_edge_bps" });
    if (r.kind === "none") expect(r.bestEdgeBps).toBeGreaterThan(300);
  });

  it("re-checks the edge at the executable size, where Kalshi's per-order round-up bites", () => {
    // 0.48 + 0.50 with Kalshi's fee: 1.75 on 100 contracts (25 bps edge) but 0.02 on one (none).
    const kYes: ArbLeg = { ...ks, buyYes: { px: 0.48, sz: 100 }, buyNo: null };
    const hNo: ArbLeg = { ...hl, buyYes: null, buyNo: { px: 0.5, sz: 100 } };
    const wide = findArb("e", [kYes, hNo], { min_edge_bps: 20, max_notional_usd: 1000, var_bps: 100 }, KELLY, 1_000_000);
    expect(wide.kind === "plan" && wide.plan.qty).toBe(100);
    const tiny = findArb("e", [kYes, hNo], { min_edge_bps: 20, max_notional_usd: 1000, var_bps: 100 }, KELLY, 10);
    expect(tiny).toMatchObject({ kind: "none", reason: "edge under min_edge_bps at the executable size" });
  });

  it("adds fee_bps_per_venue on top of each venue's own formula", () => {
    const cfg = { fee_bps_per_venue: { hl: 5, pm: 2, ks: 0 }, polymarket: { rate: 0.072, exponent: 1 }, kalshi: { taker_rate: "0.07", multiplier: "1", rounding: "cent" as const } };
    const r = findArb("e", [{ ...hl, fees: venueFeeModels("hl", cfg) }, { ...pm, fees: venueFeeModels("pm", cfg) }], P, KELLY, 10_000);
    const cost = 0.95 + 0.0005 * 0.4 + 0.072 * 0.55 * 0.45 + 0.0002 * 0.55 + 0.001 * 0.55;
    expect(r.kind === "plan" && r.plan.costPerPair).toBeCloseTo(cost, 12);
    expect(venueFeeModels("ks", cfg)[0]).toEqual({ kind: "kalshi", schedule: KALSHI_TAKER });
  });

  it("never pairs a venue with itself", () => {
    const self: ArbLeg = { ...hl, buyYes: { px: 0.3, sz: 100 }, buyNo: { px: 0.3, sz: 100 } };
    expect(findArb("e", [self], P, KELLY, 10_000).kind).toBe("none");
  });
});
