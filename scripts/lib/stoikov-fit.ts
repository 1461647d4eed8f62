/**
 * Fits Stoikov's micro-price table for one market of a recording: the book is rebuilt by the
 * market pipeline and its top sampled every `sampleMs` of exchange time (the paper samples at a
 * fixed clock), each pair of consecutive samples being one transition. The table can then be
 * given to the pipeline (`PipelineConfig.stoikov`) to use the micro-price instead of the
 * weighted mid.
 */
import { err, type Result } from "../../shared/core/result";
import { StoikovFitter, type StoikovConfig, type StoikovTable, type TopOfBook } from "../../shared/market/stoikov-microprice";
import type { PipelineConfig } from "../../shared/pipeline/config";
import { MarketPipeline } from "../../shared/pipeline/market-pipeline";
import type { LoadedRecording } from "./recordings";

export function fitStoikovTable(rec: LoadedRecording, market: PipelineConfig, fit: StoikovConfig, sampleMs = 1_000): Result<StoikovTable, string> {
  const created = MarketPipeline.create(market);
  if (!created.ok) return err(JSON.stringify(created.error));
  const p = created.value;
  const fitter = new StoikovFitter(fit);
  let next = NaN;
  let prev: TopOfBook | undefined;
  for (const ev of rec.events) {
    if (ev.coin !== market.coin) continue;
    // Sample the book as it stood at each clock time, before this later event changes it.
    while (ev.ts > next) {
      const b = p.book;
      if (p.bookValid && b.hasBothSides()) {
        const top = { bidPx: b.bestBidPx(), bidSz: b.bestBidSz(), askPx: b.bestAskPx(), askSz: b.bestAskSz() };
        if (prev !== undefined) fitter.add(prev, top);
        prev = top;
      }
      next += sampleMs;
    }
    p.onEvent(ev);
    if (Number.isNaN(next)) next = ev.ts + sampleMs;
  }
  return fitter.fit();
}
