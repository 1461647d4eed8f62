/**
 * OFI + lead-lag on a perp (SPEC §7.4) as an engine strategy. The lag pipeline already carries
 * the lead's mid (its leadLag config), the signals, the regimes and the alpha; `ofiDecision`
 * turns them into at most one order. An IOC is a one-shot order; a post-only order is a quote
 * target that stays wanted while the signal holds and is pulled when it fades.
 */
import { px } from "../core/units";
import type { Instrument, QuoteTarget } from "../execution/types";
import { ofiDecision } from "../strategies/ofi-leadlag";
import { snapForSide } from "./price-grid";
import { coinOf, holding, netWithOpen, type EngineStrategy, type StrategyInput, type StrategyOutput } from "./strategy";

export function ofiStrategy(id: string, perp: Instrument): EngineStrategy {
  const slotIoc = `${id}:ofi:ioc`;
  const slotPost = `${id}:ofi:post`;

  const run = (x: StrategyInput): StrategyOutput => {
    const p = x.own;
    const ofi = p.signals.get("ofi", p.ts) ?? 0;
    const book = p.book.hasBothSides();
    const d = ofiDecision(
      {
        market: perp.market,
        venue: perp.venue,
        bestBid: book ? px(p.book.bestBidPx()) : null,
        bestAsk: book ? px(p.book.bestAskPx()) : null,
        alpha: p.alpha,
        ofi,
        tradable: p.tradable(),
        positionLots: netWithOpen(holding(x.slice, perp.market)),
        nowMs: x.nowMs,
      },
      x.params.ofi,
      x.router,
    );
    const v = p.market.view;
    const inputs = { alpha: p.alpha, ofi, leadlag: p.signals.get("leadlag", p.ts) ?? null, route: d.kind === "order" ? d.draft.tif : "skip" };
    const fair = v.mid > 0 ? v.mid : null;
    if (d.kind === "skip") return { quotes: [], orders: [], fair, inputs, notes: [d.reason] };
    const ioc = d.draft.tif === "Ioc";
    const draft = { ...d.draft, px: px(snapForSide(d.draft.px, perp.pxDecimals, d.draft.side, ioc)) };
    if (ioc) return { quotes: [], orders: [{ ...draft, slot: slotIoc }], fair, inputs, notes: [] };
    const quote: QuoteTarget = {
      slot: slotPost,
      market: draft.market,
      venue: draft.venue,
      side: draft.side,
      px: draft.px,
      sz: draft.sz,
      tif: "Alo",
      tactic: "post_only",
      strategy: "ofi",
      refPx: draft.refPx,
    };
    return { quotes: [quote], orders: [], fair, inputs, notes: [] };
  };

  return { kind: "ofi", quoteSlots: [slotPost], orderSlots: [slotIoc], instruments: [perp], requiredCoins: [coinOf(perp)], gridRatio: 1, run };
}
