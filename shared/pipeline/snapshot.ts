/**
 * A plain, JSON-ready picture of a pipeline for the dashboard and the audit log: top of book as
 * exact decimal strings, market state, raw OFI sums, every signal with its freshness, the
 * regimes and the alpha with each signal's contribution.
 */
import type { AlphaBreakdown } from "../alpha/combiner";
import type { BookSide } from "../book/book-side";
import type { RefusalKind } from "../book/types";
import { formatScaled } from "../core/decimal";
import type { LevelStr } from "../events";
import type { MarketView } from "../market/market-state";
import type { ExtremeReason } from "../regime/extreme";
import type { LiquidityState } from "../regime/liquidity";
import type { VolBucket } from "../regime/volatility";
import type { SignalReading } from "../signals/signal-state";
import type { PipelineCounters } from "./counters";
import type { MarketPipeline } from "./market-pipeline";

export interface PipelineSnapshot {
  coin: string;
  ts: number;
  bookValid: boolean;
  tradable: boolean;
  book: { bids: LevelStr[]; asks: LevelStr[]; updates: number; refused: Record<RefusalKind, number> };
  market: MarketView;
  ofi: { windowsMs: number[]; sums: number[]; events: number; mlofi: number[] };
  signals: SignalReading[];
  regime: { liquidity: LiquidityState; vol: VolBucket; extreme: boolean; extremeReason: ExtremeReason | null };
  alpha: AlphaBreakdown;
  counters: PipelineCounters;
}

function topLevels(side: BookSide, n: number, pxDecimals: number, szDecimals: number): LevelStr[] {
  const out: LevelStr[] = [];
  for (let i = 0; i < Math.min(n, side.count); i++) {
    out.push({ px: formatScaled(side.pxAt(i), pxDecimals), sz: formatScaled(side.szAt(i), szDecimals) });
  }
  return out;
}

/** Snapshot at the pipeline's latest exchange time; OFI sums are in size units (not lots). */
export function snapshotPipeline(p: MarketPipeline, levels = 5): PipelineSnapshot {
  const { pxDecimals, szDecimals } = p.config.scale;
  const unit = 1 / 10 ** szDecimals;
  const ts = p.ts;
  return {
    coin: p.config.coin,
    ts,
    bookValid: p.bookValid,
    tradable: p.tradable(),
    book: {
      bids: topLevels(p.book.bids, levels, pxDecimals, szDecimals),
      asks: topLevels(p.book.asks, levels, pxDecimals, szDecimals),
      updates: p.book.updates,
      refused: { ...p.book.refused },
    },
    market: { ...p.market.view },
    ofi: {
      windowsMs: [...p.config.ofi.windowsMs],
      sums: p.config.ofi.windowsMs.map((_, i) => p.ofi.sum(i, ts) * unit),
      events: p.ofi.events,
      mlofi: Array.from({ length: p.mlofi.levels }, (_, m) => p.mlofi.level(m, ts) * unit),
    },
    signals: p.signals.readings(ts),
    regime: {
      liquidity: p.liquidity.state,
      vol: p.volRegime.bucket,
      extreme: p.extreme.active(ts),
      extremeReason: p.extreme.reason,
    },
    alpha: p.combiner.breakdown(p.trust),
    counters: { ...p.counters },
  };
}
