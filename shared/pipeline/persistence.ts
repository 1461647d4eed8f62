/**
 * The part of a pipeline that must survive an eviction or a deploy (SPEC §12): the volatility
 * estimate, the average depths the OFI normaliser divides by, the volatility regime, the
 * extreme detector's baselines and the trust scores. The book is not saved: after a restart the
 * venue's next snapshot rebuilds it. The value is JSON-safe (no NaN) and checked with zod when
 * it comes back, because storage is input like any other.
 */
import * as z from "zod";
import { err, ok, type Result } from "../core/result";
import type { MarketPipeline } from "./market-pipeline";

const Num = z.number().finite();
const MaybeNum = Num.nullable();

const PersistedState = z.object({
  version: z.literal(1),
  coin: z.string(),
  savedAt: MaybeNum,
  vol: z.object({ variancePerSec: Num.nonnegative(), warm: z.boolean(), samples: z.number().int().nonnegative() }),
  ofiAvgDepth: MaybeNum,
  mlofiAvgDepth: MaybeNum,
  volBucket: z.enum(["low", "normal", "high"]),
  extreme: z.object({
    tradeRateSum: Num.nonnegative(),
    tradeRateTs: MaybeNum,
    firstTradeTs: MaybeNum,
    depthEwma: MaybeNum,
    depthTs: MaybeNum,
    firstDepthTs: MaybeNum,
  }),
  trust: z.record(z.string(), Num),
});

export type PersistedPipelineState = z.infer<typeof PersistedState>;

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
const orNaN = (x: number | null): number => (x === null ? NaN : x);

export function exportPipelineState(p: MarketPipeline): PersistedPipelineState {
  const x = p.extreme.exportState();
  return {
    version: 1,
    coin: p.config.coin,
    savedAt: orNull(p.ts),
    vol: p.market.vol.exportState(),
    ofiAvgDepth: orNull(p.ofiNorm.averageDepth()),
    mlofiAvgDepth: orNull(p.mlofiNorm.averageDepth()),
    volBucket: p.volRegime.bucket,
    extreme: {
      tradeRateSum: x.tradeRateSum,
      tradeRateTs: orNull(x.tradeRateTs),
      firstTradeTs: orNull(x.firstTradeTs),
      depthEwma: orNull(x.depthEwma),
      depthTs: orNull(x.depthTs),
      firstDepthTs: orNull(x.firstDepthTs),
    },
    trust: { ...p.trust },
  };
}

/** Restores a saved state into a fresh pipeline of the same coin; refuses anything malformed. */
export function restorePipelineState(p: MarketPipeline, input: unknown): Result<void, string> {
  const r = PersistedState.safeParse(input);
  if (!r.success) return err(z.prettifyError(r.error));
  const s = r.data;
  if (s.coin !== p.config.coin) return err(`state is for ${s.coin}, pipeline is ${p.config.coin}`);
  p.market.vol.restoreState(s.vol);
  p.ofiNorm.restore(orNaN(s.ofiAvgDepth));
  p.mlofiNorm.restore(orNaN(s.mlofiAvgDepth));
  p.volRegime.restore(s.volBucket);
  p.extreme.restoreState({
    tradeRateSum: s.extreme.tradeRateSum,
    tradeRateTs: orNaN(s.extreme.tradeRateTs),
    firstTradeTs: orNaN(s.extreme.firstTradeTs),
    depthEwma: orNaN(s.extreme.depthEwma),
    depthTs: orNaN(s.extreme.depthTs),
    firstDepthTs: orNaN(s.extreme.firstDepthTs),
  });
  p.setTrust(s.trust);
  return ok(undefined);
}
