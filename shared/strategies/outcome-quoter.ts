/**
 * Two-sided quoting on a HIP-4 YES/NO outcome (SPEC §7.1): Avellaneda-Stoikov in the middle of
 * the inventory range, the exact GLFT solution near the bounds, quotes on the tick grid, never
 * crossing (post-only clamp at the touch), and reduce-only near expiry.
 *
 * Coupled legs: YES and NO share one merged book (buy YES at p ≡ sell NO at 1 − p), so the ask
 * side is "sell YES" only when the YES is held, otherwise "buy NO at 1 − ask" (the same exposure,
 * needing collateral instead of inventory); symmetrically the bid side sells held NO before it
 * buys YES. Prices are integer ticks: a YES price of P ticks is a NO price of ticksPerUnit − P.
 */
import { px, sz, type Px, type Sz } from "../core/units";
import { asQuote } from "./avellaneda";
import type { GlftCache } from "./glft";

export type MmModel = "as" | "glft" | "auto";

export interface MmParams {
  model: MmModel;
  /** Risk aversion γ (1/price). */
  gamma: number;
  /** Arrival decay κ = k (1/price). */
  kappa: number;
  /** Arrival intensity scale A (1/s), used by GLFT. */
  arrival_A: number;
  /** Shares per quote; AS and GLFT count inventory in these units (one fill = one unit). */
  order_size: number;
  /** Quotes smaller than this are not sent. */
  min_size: number;
  /** Inventory bound Q in shares: no quote that could take |YES − NO| past it. */
  max_inventory: number;
  /** `auto` switches to GLFT once |q| reaches this fraction of max_inventory. */
  glft_switch_frac: number;
  /** Relative step of the σ grid GLFT solvers are cached on (0.05 = 5%; 0 = exact σ). */
  glft_sigma_step: number;
  /** Seconds before expiry from which only exposure-reducing quotes are emitted. */
  reduce_only_secs: number;
  /** Venue minimum order value (HIP-4: 10 in the quote token). */
  min_notional_usd: number;
}

export interface OutcomeView {
  /** 1 / tick: 1000 for a 0.001 tick, 10000 for 0.0001. */
  ticksPerUnit: number;
  /** Best bid and ask of the YES book (merged), ticks; null = that side is empty. */
  bestBid: Px | null;
  bestAsk: Px | null;
  /** YES micro-price, price units. */
  micro: number;
  /** Volatility, price/√s (EWMA). */
  sigma: number;
  /** Seconds to expiry (the AS/GLFT horizon T − t). */
  tauSecs: number;
  /** Holdings in shares. */
  yesLots: Sz;
  noLots: Sz;
  /** Optional per-quote cap from sizing (Kelly), shares. */
  sizeCap?: number;
}

export interface LegQuote {
  book: "yes" | "no";
  side: "buy" | "sell";
  /** Price on `book`'s own grid, ticks. */
  px: Px;
  sz: Sz;
  /** The same quote as a YES price, ticks. */
  yesPx: Px;
  /** The model price crossed the touch and was pulled back to it (post-only). */
  clampedToTouch: boolean;
}

export interface OutcomeQuotes {
  bid: LegQuote | null;
  ask: LegQuote | null;
  model: "as" | "glft";
  /** Model bid/ask in price units before snapping (null = side not quoted by the model). */
  rawBid: number | null;
  rawAsk: number | null;
  reduceOnly: boolean;
  /** Why a side is missing, for the decision log. */
  notes: string[];
}

/**
 * σ snapped to a geometric grid of relative step `step` for GLFT (0 = exact σ). Each new σ costs
 * the exact solver a fresh matrix grid (~10–20 ms), so an EWMA estimate that moves every frame
 * must map onto few solvers; the cache then holds the neighbouring buckets. With a 5% step the
 * inventory skew (∝ σ) is off by at most ~2.5%, inside the uncertainty of the estimate itself.
 */
function sigmaBucket(sigma: number, step: number): number {
  if (!(sigma > 0) || !(step > 0)) return sigma;
  const r = Math.log1p(step);
  return Math.exp(Math.round(Math.log(sigma) / r) * r);
}

export function quoteOutcome(view: OutcomeView, p: MmParams, glft: GlftCache): OutcomeQuotes {
  const tpu = view.ticksPerUnit;
  const tick = 1 / tpu;
  const notes: string[] = [];
  const s = Math.min(1 - tick, Math.max(tick, view.micro));
  const q = view.yesLots - view.noLots;
  const tau = Math.max(0, view.tauSecs);
  const useGlft = p.model === "glft" || (p.model === "auto" && Math.abs(q) >= p.glft_switch_frac * p.max_inventory);

  let rawBid: number | null;
  let rawAsk: number | null;
  if (useGlft) {
    const Q = Math.max(1, Math.floor(p.max_inventory / p.order_size));
    const solver = glft.get({ sigma: sigmaBucket(view.sigma, p.glft_sigma_step), A: p.arrival_A, k: p.kappa, gamma: p.gamma, Q });
    const d = solver.depths(tau, q / p.order_size);
    rawBid = d.bid === null ? null : s - d.bid;
    rawAsk = d.ask === null ? null : s + d.ask;
  } else {
    // Both papers move inventory by one unit per fill: q is counted in quotes of order_size.
    const a = asQuote(s, q / p.order_size, view.sigma, tau, { gamma: p.gamma, kappa: p.kappa });
    rawBid = a.bid;
    rawAsk = a.ask;
  }

  // Room before the inventory bound, per side; a side with no room is not quoted.
  let bidRoom = p.max_inventory - q;
  let askRoom = p.max_inventory + q;
  const reduceOnly = tau <= p.reduce_only_secs;
  if (reduceOnly) {
    bidRoom = q < 0 ? -q : 0;
    askRoom = q > 0 ? q : 0;
    notes.push("reduce-only near expiry");
  }
  const cap = view.sizeCap ?? Infinity;
  const bidMax = Math.min(bidRoom, cap);
  const askMax = Math.min(askRoom, cap);

  let bidTicks = rawBid === null ? null : Math.floor(rawBid * tpu + 1e-9);
  let askTicks = rawAsk === null ? null : Math.ceil(rawAsk * tpu - 1e-9);
  let bidClamped = false;
  let askClamped = false;
  if (bidTicks !== null) {
    bidTicks = Math.max(1, Math.min(tpu - 1, bidTicks));
    if (view.bestAsk !== null && bidTicks >= view.bestAsk) {
      bidTicks = view.bestAsk - 1;
      bidClamped = true;
    }
  }
  if (askTicks !== null) {
    askTicks = Math.max(1, Math.min(tpu - 1, askTicks));
    if (view.bestBid !== null && askTicks <= view.bestBid) {
      askTicks = view.bestBid + 1;
      askClamped = true;
    }
  }
  // Both sides pulled to opposite touches can meet; keep the side that reduces inventory.
  if (bidTicks !== null && askTicks !== null && bidTicks >= askTicks) {
    if (q > 0) bidTicks = null;
    else askTicks = null;
    notes.push("clamped quotes met; kept the reducing side");
  }

  const bid = bidTicks === null || bidTicks < 1 ? null : leg("bid", bidTicks, bidMax, view, p, bidClamped, notes);
  const ask = askTicks === null || askTicks > tpu - 1 ? null : leg("ask", askTicks, askMax, view, p, askClamped, notes);
  if (rawBid === null) notes.push("no bid at the inventory bound");
  if (rawAsk === null) notes.push("no ask at the inventory bound");
  return { bid, ask, model: useGlft ? "glft" : "as", rawBid, rawAsk, reduceOnly, notes };
}

/** One side's order: `maxSize` is what the inventory bound and the sizing cap allow. */
function leg(
  which: "bid" | "ask",
  yesTicks: number,
  maxSize: number,
  view: OutcomeView,
  p: MmParams,
  clamped: boolean,
  notes: string[],
): LegQuote | null {
  const tpu = view.ticksPerUnit;
  const lots = Math.floor(Math.min(p.order_size, maxSize) + 1e-9);
  if (lots < p.min_size || lots <= 0) {
    notes.push(`${which}: size ${lots} under min_size`);
    return null;
  }
  // The ask sells held YES, else buys NO at 1 − ask; the bid sells held NO, else buys YES.
  // A held leg too small (or too cheap) to meet the venue minimum falls back to the buying leg:
  // the same exposure, paid with collateral instead of inventory.
  const held = which === "ask" ? view.yesLots : view.noLots;
  const sellBook: "yes" | "no" = which === "ask" ? "yes" : "no";
  const buyBook: "yes" | "no" = which === "ask" ? "no" : "yes";
  const attempt = (book: "yes" | "no", sells: boolean): { book: "yes" | "no"; sells: boolean; ownTicks: number; lots: number } | null => {
    const ownTicks = book === "yes" ? yesTicks : tpu - yesTicks;
    const legPx = ownTicks / tpu;
    if (lots * legPx >= p.min_notional_usd) return { book, sells, ownTicks, lots };
    const needed = Math.ceil(p.min_notional_usd / legPx - 1e-9);
    // Raising a selling leg past what is held would turn it into a naked sell.
    if (needed > maxSize + 1e-9 || (sells && needed > held)) return null;
    return { book, sells, ownTicks, lots: needed };
  };
  const chosen = (held >= lots ? attempt(sellBook, true) : null) ?? attempt(buyBook, false);
  if (chosen === null) {
    notes.push(`${which}: under the venue minimum notional`);
    return null;
  }
  const { book, sells, ownTicks } = chosen;
  return {
    book,
    side: sells ? "sell" : "buy",
    px: px(ownTicks),
    sz: sz(chosen.lots),
    yesPx: px(yesTicks),
    clampedToTouch: clamped,
  };
}
