/**
 * BTC parity (SPEC §7.3): the HIP-4 BTC up/down outcome is a cash-or-nothing digital call on
 * the Hyperliquid BTC mark (settlement interpolates the marks around expiry), so
 *   fair P(YES) = N((ln(S/K) − ½σ²τ)/(σ√τ)),  hedge Δ = n(d₂)/(S·σ·√τ) BTC per YES token.
 * YES rich (mid − fair > min_edge): sell YES (buy NO) and go long the perp; YES cheap: buy YES
 * and short the perp. The perp position tracks −Δ·(YES − NO) and is only traded when it drifts
 * more than `delta_rebalance_thresh` BTC from that target. Δ explodes at the strike near expiry
 * (pin risk), so the hedge is capped at `max_hedge_btc`.
 */
import { binaryTarget, type KellyConfig } from "../sizing/kelly";
import { cashOrNothing } from "./digital";

export interface ParityParams {
  /** Minimum |YES mid − fair| before trading the outcome, price units. */
  min_edge: number;
  /** Perp hedge is rebalanced when |target − position| exceeds this, BTC. */
  delta_rebalance_thresh: number;
  /** Cap on |hedge|, BTC. */
  max_hedge_btc: number;
  /** Taker fee per YES-book share, price units (0 while HIP-4 outcome fees are zero). */
  outcome_fee_per_share: number;
}

export interface ParityView {
  /** BTC perp micro-price (or mark), USD. */
  spot: number;
  /** Outcome strike (targetPrice from outcomeMeta), USD. */
  strike: number;
  /** EWMA realised volatility of the perp, annualised. */
  sigma: number;
  /** Years to expiry. */
  tauYears: number;
  /** YES book top, price units; null = empty side. */
  yesBid: number | null;
  yesAsk: number | null;
  /** YES − NO tokens held (after merges). */
  netYes: number;
  /** Perp position, BTC (signed). */
  perpBtc: number;
  bankrollUsd: number;
}

export interface ParityDecision {
  fair: number;
  /** BTC of perp per YES token. */
  delta: number;
  mid: number | null;
  /** mid − fair. */
  mispricing: number | null;
  signal: "buy_yes" | "sell_yes" | null;
  /** The outcome order: buy YES at the ask, or buy NO at 1 − bid (= selling YES). Quantity from Kelly on total exposure. */
  outcomeOrder: { contract: "yes" | "no"; px: number; qty: number } | null;
  /** Perp trade to rebalance the hedge (+ buy, − sell, BTC); null when within the threshold. */
  hedgeTrade: number | null;
  hedgeTarget: number;
}

export function parityDecision(v: ParityView, p: ParityParams, kelly: KellyConfig): ParityDecision {
  const d = cashOrNothing({ S: v.spot, K: v.strike, sigma: v.sigma, T: v.tauYears });
  const fair = d.call;
  const delta = d.deltaCall;
  const mid = v.yesBid !== null && v.yesAsk !== null ? (v.yesBid + v.yesAsk) / 2 : null;
  const mispricing = mid === null ? null : mid - fair;
  let signal: ParityDecision["signal"] = null;
  if (mispricing !== null && mispricing > p.min_edge) signal = "sell_yes";
  else if (mispricing !== null && -mispricing > p.min_edge) signal = "buy_yes";

  let outcomeOrder: ParityDecision["outcomeOrder"] = null;
  if (signal !== null && v.yesBid !== null && v.yesAsk !== null) {
    const t = binaryTarget(
      {
        yesPx: v.yesAsk,
        noPx: 1 - v.yesBid,
        belief: fair,
        yesFeePerShare: p.outcome_fee_per_share,
        noFeePerShare: p.outcome_fee_per_share,
        bankrollUsd: v.bankrollUsd,
        currentNet: v.netYes,
      },
      kelly,
    );
    // Kelly works on the executable prices; it must agree with the mid signal to trade.
    const wanted = signal === "buy_yes" ? "yes" : "no";
    if (t.side === wanted && t.order !== null) {
      outcomeOrder = { contract: wanted, px: wanted === "yes" ? v.yesAsk : 1 - v.yesBid, qty: t.order.qty };
    }
  }

  const raw = -delta * v.netYes;
  const hedgeTarget = Math.max(-p.max_hedge_btc, Math.min(p.max_hedge_btc, raw));
  const drift = hedgeTarget - v.perpBtc;
  const hedgeTrade = Math.abs(drift) > p.delta_rebalance_thresh ? drift : null;
  return { fair, delta, mid, mispricing, signal, outcomeOrder, hedgeTrade, hedgeTarget };
}
