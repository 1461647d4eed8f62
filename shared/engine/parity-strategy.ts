/**
 * BTC parity (SPEC §7.3) as an engine strategy: the YES book and the BTC perp feed
 * `parityDecision`; a mispriced outcome becomes one IOC at the touch (buy YES at the ask, or buy
 * NO at 1 − bid, which is selling YES), and a drifting hedge one IOC on the perp at its touch.
 * Both read the account net of open orders, so an order in flight is not sent twice.
 */
import { pow10 } from "../core/decimal";
import { SECONDS_PER_YEAR } from "../market/ewma-vol";
import { px, sz } from "../core/units";
import type { Instrument, OrderDraft, Side } from "../execution/types";
import { parityDecision } from "../strategies/btc-parity";
import { snapPx } from "./price-grid";
import { coinOf, emptyOutput, holding, netWithOpen, type EngineStrategy, type StrategyInput, type StrategyOutput } from "./strategy";
import type { OutcomeSpec } from "./types";

export function parityStrategy(id: string, o: OutcomeSpec, perp: Instrument, strike: number): EngineStrategy {
  const slotOutcome = `${id}:parity:outcome`;
  const slotHedge = `${id}:parity:hedge`;
  const perpCoin = coinOf(perp);
  const yesUnit = pow10(o.yes.pxDecimals);

  const ioc = (inst: Instrument, side: Side, ticks: number, lots: number, slot: string, refPx: number, nowMs: number): OrderDraft => ({
    market: inst.market,
    venue: inst.venue,
    side,
    px: px(ticks),
    sz: sz(lots),
    tif: "Ioc",
    reduceOnly: false,
    tactic: "ioc",
    strategy: slot === slotHedge ? "hedge" : "parity",
    slot,
    refPx: px(refPx),
    createdMs: nowMs,
  });

  const run = (x: StrategyInput): StrategyOutput => {
    const y = x.own;
    const b = x.byCoin.get(perpCoin);
    if (b === undefined || !b.bookValid || !b.book.hasBothSides()) return emptyOutput(["no BTC perp book"]);
    if (!y.book.hasBothSides()) return emptyOutput(["one-sided or empty YES book"]);
    const bv = b.market.view;
    const yesBidT = y.book.bestBidPx();
    const yesAskT = y.book.bestAskPx();
    const perpUnits = pow10(perp.szDecimals);
    const yes = holding(x.slice, o.yes.market);
    const no = holding(x.slice, o.no.market);
    // The outcome order is sized against everything that may still fill (no second order while
    // one is in flight); the hedge only against what did fill, plus hedges already in flight:
    // hedging an IOC that may fill 1% of its size is how a hedge starts churning.
    const netYes = netWithOpen(yes) - netWithOpen(no);
    const filledYes = yes.posLots - no.posLots;
    const perpBtc = netWithOpen(holding(x.slice, perp.market)) / perpUnits;
    const tauYears = Math.max(0, (o.expiryMs - x.venueNowMs) / 1000 / SECONDS_PER_YEAR);
    const view = {
      spot: bv.micro,
      strike,
      sigma: bv.sigmaAnnualised,
      tauYears,
      yesBid: yesBidT / yesUnit,
      yesAsk: yesAskT / yesUnit,
      netYes,
      perpBtc,
      bankrollUsd: x.slice.equityUsd,
    };
    const d = parityDecision(view, x.params.parity, x.params.kelly);
    const h = filledYes === netYes ? d : parityDecision({ ...view, netYes: filledYes }, x.params.parity, x.params.kelly);
    const orders: OrderDraft[] = [];
    const y0 = y.market.view;
    const microYes = Math.round(y0.micro * yesUnit);
    if (d.outcomeOrder !== null) {
      const lots = Math.floor(d.outcomeOrder.qty * pow10(o.yes.szDecimals) + 1e-9);
      if (lots > 0) {
        orders.push(
          d.outcomeOrder.contract === "yes"
            ? ioc(o.yes, "buy", yesAskT, lots, slotOutcome, microYes, x.nowMs)
            : ioc(o.no, "buy", yesUnit - yesBidT, lots, slotOutcome, yesUnit - microYes, x.nowMs),
        );
      }
    }
    if (h.hedgeTrade !== null) {
      const lots = Math.round(Math.abs(h.hedgeTrade) * perpUnits);
      const side: Side = h.hedgeTrade > 0 ? "buy" : "sell";
      const touch = side === "buy" ? b.book.bestAskPx() : b.book.bestBidPx();
      const ticks = snapPx(touch, perp.pxDecimals, side === "buy" ? "ceil" : "floor");
      if (lots > 0 && ticks > 0) orders.push(ioc(perp, side, ticks, lots, slotHedge, Math.round((bv.micro * pow10(perp.pxDecimals))), x.nowMs));
    }
    return {
      quotes: [],
      orders,
      fair: d.fair,
      inputs: {
        S: bv.micro,
        mark: Number.isFinite(bv.mark) ? bv.mark : null,
        K: strike,
        sigma: bv.sigmaAnnualised,
        tauYears,
        fair: d.fair,
        delta: d.delta,
        yesMid: d.mid,
        edge: d.mispricing,
        signal: d.signal,
        netYes,
        filledYes,
        perpBtc,
        hedgeTarget: h.hedgeTarget,
      },
      notes: d.signal !== null && d.outcomeOrder === null ? ["edge without a Kelly order (target reached or below min_qty)"] : [],
    };
  };

  return {
    kind: "parity",
    quoteSlots: [],
    orderSlots: [slotOutcome, slotHedge],
    instruments: [o.yes, o.no, perp],
    requiredCoins: [coinOf(o.yes), perpCoin],
    gridRatio: 1,
    run,
  };
}
