/**
 * The measured steps of the pipeline benchmark, written once and run both in Node and inside
 * workerd, over the raw l2Book frames of the BTC archive hour (each call handles the next frame;
 * a pass over the hour starts from a fresh book or pipeline):
 *   parse    - JSON.parse of the frame text alone;
 *   frame    - the wire layer's frame parser, parseWsFrame (single-pass decoder, zod behind it);
 *   book     - the same -> events -> order book;
 *   pipeline - the same, then the whole pipeline to alpha;
 * and, for comparison, frame/book/pipeline through the JSON.parse + zod path alone
 * (parseWsFrameWithSchema), which is what parseWsFrame did before the decoder.
 */
import { OrderBook } from "../../shared/book/order-book";
import { defaultPipelineConfig } from "../../shared/pipeline/config";
import { MarketPipeline } from "../../shared/pipeline/market-pipeline";
import { frameToEvents, parseWsFrame, parseWsFrameWithSchema } from "../../shared/venues/hyperliquid/ws-frames";

export const BTC_SCALE = { pxDecimals: 1, szDecimals: 5 };

export const STEP_NAMES = ["parse", "frame", "book", "pipeline", "frameSchema", "bookSchema", "pipelineSchema"] as const;
export type StepName = (typeof STEP_NAMES)[number];

export function freshPipeline(): MarketPipeline {
  const r = MarketPipeline.create(defaultPipelineConfig("BTC", BTC_SCALE));
  if (!r.ok) throw new Error(`pipeline config: ${JSON.stringify(r.error)}`);
  return r.value;
}

type FrameParser = typeof parseWsFrame;

function frameStep(frames: readonly string[], parser: FrameParser): (i: number) => number {
  return (i) => (parser(frames[i % frames.length] as string).ok ? 1 : 0);
}

function bookStep(frames: readonly string[], parser: FrameParser): (i: number) => number {
  const n = frames.length;
  let book = new OrderBook(BTC_SCALE);
  return (i) => {
    if (i % n === 0) book = new OrderBook(BTC_SCALE);
    const f = parser(frames[i % n] as string);
    if (!f.ok) return -1;
    for (const ev of frameToEvents(f.value)) if (ev.kind === "book") book.applySnapshot(ev.bids, ev.asks);
    return book.bestBidPx();
  };
}

function pipelineStep(frames: readonly string[], parser: FrameParser): (i: number) => number {
  const n = frames.length;
  let pipeline = freshPipeline();
  return (i) => {
    if (i % n === 0) pipeline = freshPipeline();
    const f = parser(frames[i % n] as string);
    if (!f.ok) return -1;
    for (const ev of frameToEvents(f.value)) {
      if (ev.kind === "book" || ev.kind === "bbo" || ev.kind === "trade") pipeline.onEvent(ev);
    }
    return pipeline.alpha;
  };
}

export function createSteps(frames: readonly string[]): Record<StepName, (i: number) => number> {
  const n = frames.length;
  return {
    parse(i) {
      const v = JSON.parse(frames[i % n] as string) as { data: { time: number } };
      return v.data.time;
    },
    frame: frameStep(frames, parseWsFrame),
    book: bookStep(frames, parseWsFrame),
    pipeline: pipelineStep(frames, parseWsFrame),
    frameSchema: frameStep(frames, parseWsFrameWithSchema),
    bookSchema: bookStep(frames, parseWsFrameWithSchema),
    pipelineSchema: pipelineStep(frames, parseWsFrameWithSchema),
  };
}
