/**
 * Market state of one instrument (SPEC §3): mid, weighted micro-price (Stoikov's micro-price
 * when a fitted table is configured), spread, mark, and the EWMA realised volatility of the mid.
 * Prices here are plain numbers in quote units (ticks / 10^pxDecimals): they feed statistics,
 * never the wire.
 */
import { decimalPlaces, parseScaled, pow10 } from "../core/decimal";
import type { OrderBook } from "../book/order-book";
import type { BookScale } from "../book/types";
import { EwmaVol, type EwmaVolConfig } from "./ewma-vol";
import { imbalance, weightedMid } from "./microprice";
import { stoikovMicroprice, type StoikovTable } from "./stoikov-microprice";

export interface MarketView {
  ts: number;
  bid: number;
  ask: number;
  bidSz: number;
  askSz: number;
  mid: number;
  /** Weighted mid, or Stoikov's micro-price when a table is configured. */
  micro: number;
  imbalance: number;
  spreadTicks: number;
  /** Spread in basis points of the mid, or of the payout for an outcome (see constructor). */
  spreadBps: number;
  mark: number;
  markTs: number;
  sigmaPerSqrtSec: number;
  sigmaAnnualised: number;
  volWarm: boolean;
}

export class MarketState {
  readonly vol: EwmaVol;
  private readonly pxUnit: number;
  private readonly szUnit: number;
  readonly view: MarketView = {
    ts: NaN,
    bid: NaN,
    ask: NaN,
    bidSz: 0,
    askSz: 0,
    mid: NaN,
    micro: NaN,
    imbalance: 0.5,
    spreadTicks: NaN,
    spreadBps: NaN,
    mark: NaN,
    markTs: NaN,
    sigmaPerSqrtSec: NaN,
    sigmaAnnualised: NaN,
    volWarm: false,
  };

  /**
   * `payout`: for an outcome contract that pays 1 (HIP-4 YES/NO), spreads are measured against
   * the payout rather than the mid, so a YES at 0.95 and its mirrored NO at 0.05 have the same
   * spread in bps; undefined measures against the mid.
   */
  constructor(
    private readonly scale: BookScale,
    volConfig: EwmaVolConfig,
    private readonly stoikov?: StoikovTable,
    private readonly payout?: number,
  ) {
    this.vol = new EwmaVol(volConfig);
    this.pxUnit = 1 / pow10(scale.pxDecimals);
    this.szUnit = 1 / pow10(scale.szDecimals);
  }

  /** Re-reads the top of the book; returns false (state unchanged) unless both sides exist. */
  onBook(book: OrderBook, ts: number): boolean {
    if (!book.hasBothSides()) return false;
    const bidT = book.bestBidPx();
    const askT = book.bestAskPx();
    const bidSz = book.bestBidSz();
    const askSz = book.bestAskSz();
    const v = this.view;
    v.ts = ts;
    v.bid = bidT * this.pxUnit;
    v.ask = askT * this.pxUnit;
    v.bidSz = bidSz * this.szUnit;
    v.askSz = askSz * this.szUnit;
    v.mid = ((bidT + askT) / 2) * this.pxUnit;
    v.imbalance = imbalance(bidSz, askSz);
    const microTicks =
      this.stoikov === undefined
        ? weightedMid(bidT, bidSz, askT, askSz)
        : stoikovMicroprice(this.stoikov, { bidPx: bidT, bidSz, askPx: askT, askSz });
    v.micro = microTicks * this.pxUnit;
    v.spreadTicks = askT - bidT;
    const reference = this.payout ?? v.mid;
    v.spreadBps = (((askT - bidT) * this.pxUnit) / reference) * 1e4;
    this.vol.update(ts, v.mid);
    this.refreshVol(ts);
    return true;
  }

  /** Records a mark price (decimal string); returns false when it is not a positive decimal. */
  onMark(ts: number, px: string): boolean {
    const d = Math.min(decimalPlaces(px), 15);
    const scaled = parseScaled(px, d);
    if (scaled === null || scaled <= 0) return false;
    this.view.mark = scaled / pow10(d);
    this.view.markTs = ts;
    return true;
  }

  /** Updates the reported volatility for exchange time `ts` (the prior fades out by time). */
  refreshVol(ts: number): void {
    this.view.sigmaPerSqrtSec = this.vol.sigmaPerSqrtSec(ts);
    this.view.sigmaAnnualised = this.vol.annualised(ts);
    this.view.volWarm = this.vol.isWarm();
  }

  /** After a resync the next mid starts a new return series instead of a jump. */
  breakSeries(): void {
    this.vol.breakSeries();
  }
}
