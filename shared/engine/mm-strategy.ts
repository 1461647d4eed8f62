/**
 * Two-sided quoting on a HIP-4 outcome (SPEC §7.1): the outcome quoter (AS, exact GLFT near
 * the bounds) or the fixed-spread baseline, on the merged YES book. The pipeline's book is on
 * the instrument grid (5 decimals for outcomes); quotes are computed on the `mm.tick` grid and
 * scaled back, so every price sent is on both. σ for the quoter is in price units per √s: the
 * EWMA estimate is of log returns, so it is scaled by the mid.
 */
import { pow10 } from "../core/decimal";
import { px, sz } from "../core/units";
import type { QuoteTarget } from "../execution/types";
import { marketMakingFraction } from "../sizing/kelly";
import { asQuote } from "../strategies/avellaneda";
import { quoteFixedSpread } from "../strategies/fixed-spread";
import { GlftCache } from "../strategies/glft";
import { quoteOutcome, type LegQuote, type OutcomeView } from "../strategies/outcome-quoter";
import { emptyOutput, holding, type EngineStrategy, type StrategyInput, type StrategyOutput } from "./strategy";
import type { OutcomeSpec } from "./types";

/** Quoting grid (mm.tick) -> instrument ticks; null when the tick is finer than the instrument's grid. */
export function gridRatio(tick: string, pxDecimals: number): number | null {
  const tpu = Math.round(1 / Number(tick));
  const unit = pow10(pxDecimals);
  return tpu > 0 && unit % tpu === 0 ? unit / tpu : null;
}

export function outcomeQuoter(id: string, o: OutcomeSpec, ratio: number, fixedHalfSpread: number | null): EngineStrategy {
  const glft = new GlftCache();
  const unit = pow10(o.yes.pxDecimals);
  const slotBid = `${id}:bid`;
  const slotAsk = `${id}:ask`;

  const target = (leg: LegQuote, slot: string, microTicks: number): QuoteTarget => {
    const inst = leg.book === "yes" ? o.yes : o.no;
    return {
      slot,
      market: inst.market,
      venue: inst.venue,
      side: leg.side,
      px: px(leg.px * ratio),
      sz: leg.sz,
      tif: "Alo",
      tactic: "post_only",
      strategy: "mm",
      refPx: px(leg.book === "yes" ? microTicks : unit - microTicks),
    };
  };

  const run = (x: StrategyInput): StrategyOutput => {
    const p = x.own;
    const mm = x.params.mm;
    if (!p.book.hasBothSides()) return emptyOutput(["one-sided or empty YES book"]);
    const v = p.market.view;
    const tpu = unit / ratio;
    const yesLots = Math.max(0, holding(x.slice, o.yes.market).posLots);
    const noLots = Math.max(0, holding(x.slice, o.no.market).posLots);
    const sigma = v.sigmaPerSqrtSec * v.mid;
    const tauSecs = (o.expiryMs - x.venueNowMs) / 1000;
    const q = yesLots - noLots;
    const half = fixedHalfSpread ?? asQuote(v.micro, q / mm.order_size, sigma, Math.max(0, tauSecs), mm).halfSpread;
    // Kelly cap on a quote: edge δ per round trip against σ²h, h = the vol half-life (how long
    // the estimate says a price move persists, our proxy for how long inventory is held).
    const f = marketMakingFraction({ halfSpread: half, price: v.micro, sigma, horizonSecs: mm.vol_half_life_secs }, mm.kelly_cap, x.params.kelly);
    const sizeCap = f > 0 ? (f * x.slice.equityUsd) / v.micro : 0;
    const view: OutcomeView = {
      ticksPerUnit: tpu,
      bestBid: px(Math.floor(p.book.bestBidPx() / ratio)),
      bestAsk: px(Math.ceil(p.book.bestAskPx() / ratio)),
      micro: v.micro,
      sigma,
      tauSecs,
      yesLots: sz(yesLots),
      noLots: sz(noLots),
      sizeCap,
    };
    const qt = fixedHalfSpread === null ? quoteOutcome(view, mm, glft) : quoteFixedSpread(view, { ...mm, half_spread: fixedHalfSpread }, glft);
    const microTicks = Math.round(v.micro * unit);
    const quotes: QuoteTarget[] = [];
    if (qt.bid !== null) quotes.push(target(qt.bid, slotBid, microTicks));
    if (qt.ask !== null) quotes.push(target(qt.ask, slotAsk, microTicks));
    return {
      quotes,
      orders: [],
      fair: Math.min(1 - 1 / tpu, Math.max(1 / tpu, v.micro)),
      inputs: {
        model: fixedHalfSpread === null ? qt.model : "fixed",
        sigma,
        tauSecs,
        q,
        gamma: mm.gamma,
        kappa: mm.kappa,
        halfSpread: half,
        rawBid: qt.rawBid,
        rawAsk: qt.rawAsk,
        reduceOnly: qt.reduceOnly,
        sizeCap,
      },
      notes: qt.notes,
    };
  };

  return {
    kind: fixedHalfSpread === null ? "mm" : "fixed",
    quoteSlots: [slotBid, slotAsk],
    orderSlots: [],
    instruments: [o.yes, o.no],
    requiredCoins: [o.yes.market.slice(o.yes.venue.length + 1)],
    gridRatio: ratio,
    run,
  };
}
