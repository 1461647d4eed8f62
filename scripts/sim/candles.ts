/**
 * candleSnapshot from the trades the replay has played so far (sim time), in the venue's shape
 * {t, T, s, i, o, c, h, l, v, n} with decimal-string prices and volume [docs info-endpoint
 * §Candle snapshot; the python SDK cassette response_candleSnapshot_kPEPE_1h.json]. Buckets are
 * whole intervals since the epoch; "1M" uses UTC calendar months. At most 5000 candles.
 */
import { parseScaled } from "../../shared/core/decimal";
import { hlDecimal } from "./wire-format";

const MIN = 60_000;
export const INTERVALS: Record<string, number> = {
  "1m": MIN,
  "3m": 3 * MIN,
  "5m": 5 * MIN,
  "15m": 15 * MIN,
  "30m": 30 * MIN,
  "1h": 60 * MIN,
  "2h": 120 * MIN,
  "4h": 240 * MIN,
  "8h": 480 * MIN,
  "12h": 720 * MIN,
  "1d": 1440 * MIN,
  "3d": 3 * 1440 * MIN,
  "1w": 7 * 1440 * MIN,
  "1M": 0,
};
const MAX_CANDLES = 5000;
const VOLUME_DECIMALS = 8;

interface Print {
  ts: number;
  px: string;
  pxNum: number;
  sz: number;
}

export interface Candle {
  t: number;
  T: number;
  s: string;
  i: string;
  o: string;
  c: string;
  h: string;
  l: string;
  v: string;
  n: number;
}

export class CandleStore {
  private readonly prints = new Map<string, Print[]>();

  add(coin: string, ts: number, px: string, sz: string): void {
    const lots = parseScaled(sz, VOLUME_DECIMALS);
    const pxNum = Number(px);
    if (lots === null || !Number.isFinite(pxNum)) return;
    let list = this.prints.get(coin);
    if (list === undefined) {
      list = [];
      this.prints.set(coin, list);
    }
    list.push({ ts, px, pxNum, sz: lots });
  }

  snapshot(coin: string, interval: string, startTime: number, endTime: number): Candle[] | null {
    if (!(interval in INTERVALS)) return null;
    const out: (Candle & { lots: number })[] = [];
    for (const p of this.prints.get(coin) ?? []) {
      if (p.ts < startTime || p.ts > endTime) continue;
      const [t, T] = bucket(p.ts, interval);
      const last = out[out.length - 1];
      if (last !== undefined && last.t === t) {
        last.c = p.px;
        if (p.pxNum > Number(last.h)) last.h = p.px;
        if (p.pxNum < Number(last.l)) last.l = p.px;
        last.lots += p.sz;
        last.n++;
      } else {
        out.push({ t, T, s: coin, i: interval, o: p.px, c: p.px, h: p.px, l: p.px, v: "", n: 1, lots: p.sz });
      }
    }
    return out.slice(-MAX_CANDLES).map(({ lots, ...c }) => ({ ...c, v: hlDecimal(lots, VOLUME_DECIMALS) }));
  }
}

/** [open time, close time] of the bucket holding `ts`. */
function bucket(ts: number, interval: string): [number, number] {
  if (interval === "1M") {
    const d = new Date(ts);
    const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return [t, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1];
  }
  const len = INTERVALS[interval] ?? MIN;
  const t = Math.floor(ts / len) * len;
  return [t, t + len - 1];
}
