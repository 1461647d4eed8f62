/**
 * One market's pipeline (SPEC §1, §3-6): event in -> book -> market state -> signals -> regimes
 * -> alpha. Pure and deterministic: time is the events' exchange time, so a MarketDO, a replay
 * and a test given the same events end in the same state. It never places orders; strategies
 * read `alpha` and `tradable()`.
 */
import { AlphaCombiner, type AlphaRegime } from "../alpha/combiner";
import { OrderBook } from "../book/order-book";
import { parseScaled, pow10 } from "../core/decimal";
import { err, ok, type Result } from "../core/result";
import { touchPrices, type ConnectionEvent, type MarketEvent } from "../events";
import { MarketState } from "../market/market-state";
import { ExtremeDetector } from "../regime/extreme";
import { LiquidityRegime } from "../regime/liquidity";
import { VolRegime } from "../regime/volatility";
import { AggressiveVolume } from "../signals/aggressive-volume";
import { LeadLag } from "../signals/lead-lag";
import { MlofiTracker } from "../signals/mlofi";
import { OfiTracker } from "../signals/ofi";
import { OfiNormaliser, hyperliquidTick } from "../signals/ofi-normaliser";
import { SignalState } from "../signals/signal-state";
import { checkPipelineConfig, type PipelineConfig, type PipelineConfigError } from "./config";
import { newPipelineCounters, type PipelineCounters } from "./counters";

export type PipelineEvent = MarketEvent | ConnectionEvent;

export class MarketPipeline {
  readonly book: OrderBook;
  readonly market: MarketState;
  readonly ofi: OfiTracker;
  readonly mlofi: MlofiTracker;
  readonly ofiNorm: OfiNormaliser;
  readonly mlofiNorm: OfiNormaliser;
  readonly aggressive: AggressiveVolume;
  readonly leadLag: LeadLag | undefined;
  readonly signals: SignalState;
  readonly liquidity: LiquidityRegime;
  readonly volRegime: VolRegime;
  readonly extreme: ExtremeDetector;
  readonly combiner: AlphaCombiner;
  readonly counters: PipelineCounters = newPipelineCounters();
  trust: Readonly<Record<string, number>> = {};
  /** Latest alpha in [−1, 1]. */
  alpha = 0;
  /** Exchange time of the latest event (never goes back). */
  ts = NaN;
  /** False until the first snapshot and after a resync until the next one. */
  bookValid = false;
  private lastBookTs = NaN;
  private lastTradeTs = NaN;
  private lastLeadLagTs = NaN;
  private readonly szUnit: number;
  private readonly notionalUnit: number;

  private constructor(readonly config: PipelineConfig) {
    const c = config;
    this.book = new OrderBook(c.scale);
    this.market = new MarketState(c.scale, c.vol, c.stoikov, c.payout);
    this.ofi = new OfiTracker(c.ofi.windowsMs);
    this.mlofi = new MlofiTracker(c.ofi.mlofiLevels, c.ofi.windowsMs[0] as number);
    this.ofiNorm = new OfiNormaliser({ depthHalfLifeSec: c.ofi.depthHalfLifeSec });
    this.mlofiNorm = new OfiNormaliser({ depthHalfLifeSec: c.ofi.depthHalfLifeSec });
    this.aggressive = new AggressiveVolume(c.aggressiveWindowMs);
    const ll = c.leadLag === undefined ? undefined : LeadLag.create(c.leadLag);
    this.leadLag = ll?.ok === true ? ll.value : undefined;
    this.signals = new SignalState(c.signalMaxAgeMs);
    this.liquidity = new LiquidityRegime(c.liquidity);
    this.volRegime = new VolRegime(c.volRegime);
    this.extreme = new ExtremeDetector(c.extreme);
    this.combiner = new AlphaCombiner(c.alpha);
    this.szUnit = 1 / pow10(c.scale.szDecimals);
    this.notionalUnit = 1 / pow10(c.scale.pxDecimals + c.scale.szDecimals);
  }

  static create(config: PipelineConfig): Result<MarketPipeline, PipelineConfigError[]> {
    const checked = checkPipelineConfig(config);
    return checked.ok ? ok(new MarketPipeline(config)) : err(checked.error);
  }

  /** Trust scores from the feedback layer (missing names stay neutral). */
  setTrust(trust: Readonly<Record<string, number>>): void {
    this.trust = { ...trust };
  }

  tradable(): boolean {
    return this.bookValid && this.liquidity.tradable() && !this.extreme.active(this.ts);
  }

  /** The regime the alpha weights are chosen by. */
  alphaRegime(): AlphaRegime {
    return this.extreme.active(this.ts) ? "extreme" : this.volRegime.bucket;
  }

  /** Runs one event through the pipeline. Returns false when the event was refused or ignored. */
  onEvent(ev: PipelineEvent): boolean {
    const c = this.counters;
    c.events++;
    if (ev.coin !== this.config.coin) {
      if (this.leadLag !== undefined && ev.coin === this.leadLag.config.lead) return this.onLeadEvent(ev);
      c.ignored++;
      return false;
    }
    let ts = ev.ts;
    if (!(ts >= this.ts)) {
      if (Number.isFinite(this.ts)) {
        c.outOfOrder++;
        ts = this.ts;
      } else if (!Number.isFinite(ts)) {
        c.ignored++;
        return false;
      }
    }
    this.ts = ts;
    let accepted = true;
    switch (ev.kind) {
      case "book": {
        const r = this.book.applySnapshot(ev.bids, ev.asks, undefined, ev.fast === true && this.bookValid);
        accepted = r.ok;
        if (r.ok) this.bookValid = true;
        break;
      }
      case "bbo": {
        // A bbo describes the whole touch, so it can start a book on a bbo-only feed.
        const r = this.book.applyBbo(ev.bid, ev.ask);
        accepted = r.ok;
        if (r.ok && this.book.hasBothSides()) this.bookValid = true;
        break;
      }
      case "bookDelta":
        accepted = this.bookValid && this.book.applyDelta(ev.changes).ok;
        break;
      case "trade":
        accepted = this.onTrade(ts, ev.px, ev.sz, ev.side);
        break;
      case "mark":
        accepted = this.market.onMark(ts, ev.px);
        break;
      case "resyncing":
        this.onResyncing(ts);
        break;
      case "resynced":
        break;
    }
    if (!accepted) c.refused++;
    else if (ev.kind === "book" || ev.kind === "bbo" || ev.kind === "bookDelta") this.afterBook(ts);
    this.evaluate(ts);
    return accepted;
  }

  /** A mid of another market, for the lead side of a lead-lag pair. */
  onReferenceMid(coin: string, ts: number, mid: number): void {
    if (this.leadLag === undefined) return;
    this.leadLag.onMid(coin, ts, mid);
    if (!(ts <= this.lastLeadLagTs)) this.lastLeadLagTs = ts;
  }

  /**
   * A book or bbo of the lead market: only its mid is used. The signals and alpha are
   * re-evaluated at once, because a lead move not yet seen in this market is the whole point.
   */
  private onLeadEvent(ev: PipelineEvent): boolean {
    const touch = touchPrices(ev);
    if (touch === null) {
      this.counters.ignored++;
      return false;
    }
    const { bid, ask } = touch;
    const mid = (Number(bid) + Number(ask)) / 2;
    if (!(mid > 0) || typeof bid !== "string" || typeof ask !== "string") {
      this.counters.refused++;
      return false;
    }
    this.onReferenceMid(ev.coin, ev.ts, mid);
    if (!(ev.ts <= this.ts)) this.ts = ev.ts;
    this.evaluate(this.ts);
    return true;
  }

  private onTrade(ts: number, px: string, sz: string, side: "buy" | "sell"): boolean {
    const lots = typeof sz === "string" ? parseScaled(sz, this.config.scale.szDecimals) : null;
    const price = typeof px === "string" ? Number(px) : NaN;
    if (lots === null || !(lots > 0) || !(price > 0) || (side !== "buy" && side !== "sell")) return false;
    this.aggressive.onTrade(ts, side, lots);
    this.extreme.onTrade(ts, price * lots * this.szUnit);
    this.lastTradeTs = ts;
    return true;
  }

  private onResyncing(ts: number): void {
    this.bookValid = false;
    this.book.clear();
    this.liquidity.markUnknown(ts);
    this.ofi.reset();
    this.mlofi.reset();
    this.market.breakSeries();
    this.extreme.breakSeries();
  }

  private afterBook(ts: number): void {
    const b = this.book;
    this.lastBookTs = ts;
    if (!b.hasBothSides()) {
      this.liquidity.markUnknown(ts);
      return;
    }
    const bidPx = b.bestBidPx();
    const bidSz = b.bestBidSz();
    const askPx = b.bestAskPx();
    const askSz = b.bestAskSz();
    this.ofi.onTop(ts, bidPx, bidSz, askPx, askSz);
    this.ofiNorm.onTop(ts, bidSz, askSz);
    const levels = this.config.ofi.mlofiLevels;
    this.mlofi.onBook(ts, b);
    this.mlofiNorm.onTop(ts, b.depth("bid", levels), b.depth("ask", levels));
    this.market.onBook(b, ts);
    const v = this.market.view;
    if (this.leadLag !== undefined) this.onReferenceMid(this.config.coin, ts, v.mid);
    const depthLevels = this.config.liquidity.depthLevels;
    const depth = Math.min(this.notional(b.bids, depthLevels), this.notional(b.asks, depthLevels));
    this.liquidity.update(ts, v.spreadBps, depth);
    this.extreme.onMid(ts, v.mid, v.sigmaPerSqrtSec);
    const deep = this.config.extreme.depthLevels;
    this.extreme.onDepth(ts, Math.min(this.notional(b.bids, deep), this.notional(b.asks, deep)));
  }

  /**
   * Quote notional (price × size) of the best `levels` levels of one side; for an outcome,
   * size × payout, so a YES book and its mirrored NO book have the same depth.
   */
  private notional(side: OrderBook["bids"], levels: number): number {
    let sum = 0;
    const n = Math.min(levels, side.count);
    const payout = this.config.payout;
    if (payout !== undefined) {
      for (let i = 0; i < n; i++) sum += side.szAt(i);
      return sum * this.szUnit * payout;
    }
    for (let i = 0; i < n; i++) sum += side.pxAt(i) * side.szAt(i);
    return sum * this.notionalUnit;
  }

  private evaluate(ts: number): void {
    const s = this.signals;
    this.market.refreshVol(ts);
    const v = this.market.view;
    if (this.bookValid && Number.isFinite(this.lastBookTs) && v.mid > 0) {
      const tick = hyperliquidTick(v.mid, this.config.scale.pxDecimals);
      const w = this.config.ofi.windowsMs[0] as number;
      const sigma = v.sigmaPerSqrtSec;
      s.set("ofi", this.ofiNorm.normalise(this.ofi.sum(0, ts), w, sigma, v.mid, tick), this.lastBookTs);
      const ml = this.mlofi.weighted(ts, this.config.ofi.mlofiWeights);
      s.set("mlofi", this.mlofiNorm.normalise(ml, w, sigma, v.mid, tick), this.lastBookTs);
      const half = (v.ask - v.bid) / 2;
      s.set("micro", half > 0 ? (v.micro - v.mid) / half : undefined, this.lastBookTs);
    } else {
      s.set("ofi", undefined, ts);
      s.set("mlofi", undefined, ts);
      s.set("micro", undefined, ts);
    }
    if (Number.isFinite(this.lastTradeTs)) s.set("aggr", this.aggressive.imbalance(ts), this.lastTradeTs);
    if (this.leadLag !== undefined && Number.isFinite(this.lastLeadLagTs)) s.set("leadlag", this.leadLag.value(ts), this.lastLeadLagTs);
    this.volRegime.update(ts, v.sigmaAnnualised);
    this.alpha = this.combiner.compute(s, ts, this.alphaRegime(), this.trust);
  }
}
