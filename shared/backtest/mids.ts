/**
 * Recorded mids per instrument, for marks and markouts: the touch of each recorded book or bbo,
 * as an integer one decimal finer than the price grid (bid + ask at that scale is exact). The NO
 * coin of an outcome is marked from the YES book mirrored (1 − mid): the merged book is the one
 * the matching model trades, and #151 is #150 mirrored in the recording. When one side of a book
 * is empty the last mid stands.
 */
import { parseScaled, pow10 } from "../core/decimal";
import { touchPrices, type MarketEvent } from "../events";
import type { Instrument } from "../execution/types";

export interface MarkSource {
  inst: Instrument;
  /** The coin whose book marks it. */
  coin: string;
  /** True for the NO leg of an outcome marked from the YES book. */
  mirror: boolean;
}

/** A mid path: times and marks (pxDecimals + 1) appended when the mark changes. */
export interface MidPath {
  ts: number[];
  markE: number[];
}

export class RecordedMids {
  private readonly byCoin = new Map<string, MarkSource[]>();
  private readonly marks = new Map<string, number>();
  readonly paths = new Map<string, MidPath>();

  constructor(sources: readonly MarkSource[]) {
    for (const s of sources) {
      const list = this.byCoin.get(s.coin);
      if (list === undefined) this.byCoin.set(s.coin, [s]);
      else list.push(s);
      this.paths.set(s.inst.market, { ts: [], markE: [] });
    }
  }

  /** Updates from a recorded event; true when some mark changed. */
  onEvent(ev: MarketEvent): boolean {
    const sources = this.byCoin.get(ev.coin);
    if (sources === undefined) return false;
    const touch = touchPrices(ev);
    const bid = touch?.bid;
    const ask = touch?.ask;
    if (bid === undefined || ask === undefined) return false;
    let changed = false;
    for (const s of sources) {
      const d = s.inst.pxDecimals;
      const b = parseScaled(bid, d);
      const a = parseScaled(ask, d);
      if (b === null || a === null || !(a > b)) continue;
      const mid = (b + a) * 5;
      const markE = s.mirror ? 10 * pow10(d) - mid : mid;
      if (this.marks.get(s.inst.market) === markE) continue;
      this.marks.set(s.inst.market, markE);
      const p = this.paths.get(s.inst.market)!;
      p.ts.push(ev.ts);
      p.markE.push(markE);
      changed = true;
    }
    return changed;
  }

  markE(market: string): number | undefined {
    return this.marks.get(market);
  }

  /** Marks in USD per unit, for the AccountEngine. */
  usd(instruments: readonly Instrument[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const inst of instruments) {
      const m = this.marks.get(inst.market);
      if (m !== undefined) out[inst.market] = m / pow10(inst.pxDecimals + 1);
    }
    return out;
  }
}

/** The mark in force at `t` (the last change at or before it), or undefined before the first. */
export function markAt(p: MidPath, t: number): number | undefined {
  let lo = 0;
  let hi = p.ts.length - 1;
  if (hi < 0 || p.ts[0]! > t) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.ts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return p.markE[lo];
}
