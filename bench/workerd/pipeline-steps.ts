/**
 * The three measured steps of the pipeline benchmark, written once and run both in Node and
 * inside workerd, over the raw l2Book frames of the BTC archive hour (each call handles the next
 * frame; a pass over the hour starts from a fresh book or pipeline):
 *   parse    - JSON.parse of the frame text alone;
 *   book     - the wire layer's frame parser (JSON + zod schema) -> events -> order book;
 *   pipeline - the same, then the whole pipeline to alpha.
 */
import { OrderBook } from "../../shared/book/order-book";
import { defaultPipelineConfig } from "../../shared/pipeline/config";
import { MarketPipeline } from "../../shared/pipeline/market-pipeline";
import { frameToEvents, parseWsFrame } from "../../shared/venues/hyperliquid/ws-frames";

export const BTC_SCALE = { pxDecimals: 1, szDecimals: 5 };

export type StepName = "parse" | "frame" | "book" | "pipeline";

export function freshPipeline(): MarketPipeline {
  const r = MarketPipeline.create(defaultPipelineConfig("BTC", BTC_SCALE));
  if (!r.ok) throw new Error(`pipeline config: ${JSON.stringify(r.error)}`);
  return r.value;
}

export function createSteps(frames: readonly string[]): Record<StepName, (i: number) => number> {
  const n = frames.length;
  let book = new OrderBook(BTC_SCALE);
  let pipeline = freshPipeline();
  return {
    parse(i) {
      const v = JSON.parse(frames[i % n] as string) as { data: { time: number } };
      return v.data.time;
    },
    frame(i) {
      return parseWsFrame(frames[i % n] as string).ok ? 1 : 0;
    },
    book(i) {
      if (i % n === 0) book = new OrderBook(BTC_SCALE);
      const f = parseWsFrame(frames[i % n] as string);
      if (!f.ok) return -1;
      for (const ev of frameToEvents(f.value)) if (ev.kind === "book") book.applySnapshot(ev.bids, ev.asks);
      return book.bestBidPx();
    },
    pipeline(i) {
      if (i % n === 0) pipeline = freshPipeline();
      const f = parseWsFrame(frames[i % n] as string);
      if (!f.ok) return -1;
      for (const ev of frameToEvents(f.value)) {
        if (ev.kind === "book" || ev.kind === "bbo" || ev.kind === "trade") pipeline.onEvent(ev);
      }
      return pipeline.alpha;
    },
  };
}
