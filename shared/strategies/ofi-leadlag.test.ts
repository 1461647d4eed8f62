import { describe, expect, it } from "vitest";
import { px } from "../core/units";
import { ofiDecision, type OfiParams, type PerpView } from "./ofi-leadlag";

const P: OfiParams = { alpha_min: 0.3, order_size: 5, max_position: 12, ioc_slippage_ticks: 2 };
const R = { ofi_high: 2, ofi_mid: 1 };
const v: PerpView = {
  market: "hl:ETH",
  venue: "hl",
  bestBid: px(30_000),
  bestAsk: px(30_001),
  alpha: 0.5,
  ofi: 1.5,
  tradable: true,
  positionLots: 0,
  nowMs: 1_000,
};

describe("OFI lead-lag", () => {
  it("joins the bid post-only on moderate buy pressure", () => {
    const d = ofiDecision(v, P, R);
    expect(d.kind).toBe("order");
    if (d.kind === "order") expect(d.draft).toMatchObject({ side: "buy", tif: "Alo", tactic: "post_only", px: 30_000, sz: 5, slot: "ofi:hl:ETH" });
  });

  it("takes the ask plus slippage with IOC on strong pressure, and sells on negative alpha", () => {
    const buy = ofiDecision({ ...v, ofi: 3 }, P, R);
    expect(buy.kind === "order" && buy.draft).toMatchObject({ side: "buy", tif: "Ioc", px: 30_003 });
    const sell = ofiDecision({ ...v, alpha: -0.9, ofi: -3 }, P, R);
    expect(sell.kind === "order" && sell.draft).toMatchObject({ side: "sell", tif: "Ioc", px: 29_998 });
  });

  it("trades only when |alpha| ≥ alpha_min and the market is tradable", () => {
    expect(ofiDecision({ ...v, alpha: 0.29 }, P, R)).toMatchObject({ kind: "skip", reason: "|alpha| under alpha_min" });
    expect(ofiDecision({ ...v, alpha: 0.3 }, P, R).kind).toBe("order");
    expect(ofiDecision({ ...v, tradable: false, ofi: 5 }, P, R)).toMatchObject({ kind: "skip", reason: "not tradable" });
  });

  it("skips weak OFI, conflicting signs and a one-sided book", () => {
    expect(ofiDecision({ ...v, ofi: 0.5 }, P, R).kind).toBe("skip");
    expect(ofiDecision({ ...v, ofi: -3 }, P, R)).toMatchObject({ reason: "alpha and ofi disagree" });
    expect(ofiDecision({ ...v, bestAsk: null }, P, R)).toMatchObject({ reason: "one-sided book" });
  });

  it("stops building past max_position but still trades toward flat", () => {
    expect(ofiDecision({ ...v, positionLots: 10 }, P, R)).toMatchObject({ kind: "order", draft: { sz: 2 } });
    expect(ofiDecision({ ...v, positionLots: 12 }, P, R)).toMatchObject({ kind: "skip", reason: "at max_position" });
    expect(ofiDecision({ ...v, positionLots: 12, alpha: -0.5, ofi: -1.5 }, P, R)).toMatchObject({ kind: "order", draft: { side: "sell", sz: 5 } });
  });
});
