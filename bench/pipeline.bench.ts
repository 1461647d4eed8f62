/**
 * `npm run bench -- pipeline`: the market pipeline over the real BTC archive hour
 * (data/hyperliquid/archive-2024-01-01-h12, 5,587 raw 20-level l2Book frames), per frame:
 *   (a) JSON.parse alone, (b) wire parser + book update, (c) the whole pipeline to alpha, in
 *   Node and inside workerd, each through parseWsFrame (the single-pass decoder) and through
 *   the JSON.parse + zod path alone (what parseWsFrame was before); and, as the peer, ccxt.pro's Hyperliquid order-book
 *   handling of the same frames: the JSON.parse its WebSocket client does, then
 *   `handleMessage` -> `handleOrderBook` (parseOrderBook + orderbook.reset), without a network.
 * Goals: (c) within 2x of (a); at least 3x faster than the peer; replay >= 100,000 frames/s.
 * The JSON+zod-only rows run in their own process (and their own workerd isolate): a deployment
 * runs one parser, and sharing the JIT's inline caches between the two parsers' level objects
 * would slow both down in a way no deployment sees.
 */
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ccxt from "ccxt";
import { readLines, repoPath } from "../scripts/lib/files";
import { findRecording } from "../scripts/lib/recordings";
import { runReplay } from "../scripts/lib/replay-runner";
import { fromDurations, measure, printTable, type BenchContext, type MeasureOptions, type Sample } from "./harness";
import type { BookEvent } from "../shared/events";
import { frameToEvents, parseWsValue } from "../shared/venues/hyperliquid/ws-frames";
import { OrderBook } from "../shared/book/order-book";
import { BTC_SCALE, createSteps, type StepName } from "./workerd/pipeline-steps";
import { timeInWorkerd } from "./workerd/run-in-workerd";

/** Row names of the steps measured both in Node and in workerd. */
const ROW = {
  frame: "wire frame parser (hot decoder)",
  frameSchema: "wire frame parser (JSON+zod only)",
  book: "(b) parse+book (hot decoder)",
  bookSchema: "(b) parse+schema+book (JSON+zod only)",
  pipeline: "(c) pipeline to alpha (hot decoder)",
  pipelineSchema: "(c) pipeline to alpha (JSON+zod only)",
};

interface CcxtHyperliquid {
  setMarkets(markets: unknown[]): void;
  handleMessage(client: unknown, message: unknown): void;
  orderbooks: Record<string, { bids: unknown[] }>;
}

function ccxtPeer(): CcxtHyperliquid {
  const Pro = (ccxt as unknown as { pro: { hyperliquid: new (o: object) => CcxtHyperliquid } }).pro.hyperliquid;
  const ex = new Pro({});
  // What loadMarkets() would leave for the BTC perp, without the network.
  ex.setMarkets([
    {
      id: "0",
      symbol: "BTC/USDC:USDC",
      base: "BTC",
      quote: "USDC",
      settle: "USDC",
      baseId: "BTC",
      quoteId: "USDC",
      settleId: "USDC",
      type: "swap",
      spot: false,
      swap: true,
      future: false,
      option: false,
      contract: true,
      linear: true,
      inverse: false,
      active: true,
      precision: { amount: 0.00001, price: 0.1 },
      limits: {},
      info: {},
    },
  ]);
  return ex;
}

const SCHEMA_CHILD = "--schema-child";
const HOT_STEPS: readonly StepName[] = ["parse", "frame", "book", "pipeline"];
const SCHEMA_STEPS: readonly StepName[] = ["parse", "frameSchema", "bookSchema", "pipelineSchema"];

function archiveFrames(): string[] {
  const lines = readLines(repoPath("data/hyperliquid/archive-2024-01-01-h12/BTC.jsonl"));
  // The archive stores each frame as an object; its text is what the socket delivered.
  return lines.map((l) => JSON.stringify((JSON.parse(l) as { raw: unknown }).raw));
}

const stepOptions = (n: number): MeasureOptions => ({ batch: n, samples: 15, warmup: 2 * n });

/** The JSON+zod-only rows, measured in a child process that never runs the hot decoder. */
function measureSchemaRowsInChild(): Sample[] {
  const tsx = resolve(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "tsx");
  const out = execFileSync(tsx, [fileURLToPath(import.meta.url), SCHEMA_CHILD], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out) as Sample[];
}

if (process.argv.includes(SCHEMA_CHILD)) {
  const frames = archiveFrames();
  const steps = createSteps(frames);
  const opts = stepOptions(frames.length);
  const rows = [
    measure(ROW.frameSchema, steps.frameSchema, opts),
    measure(ROW.bookSchema, steps.bookSchema, opts),
    measure(ROW.pipelineSchema, steps.pipelineSchema, opts),
  ];
  process.stdout.write(JSON.stringify(rows));
}

export default async function pipelineBench(ctx: BenchContext): Promise<void> {
  const frames = archiveFrames();
  const n = frames.length;
  const levels = (JSON.parse(frames[0] as string) as { data: { levels: unknown[][] } }).data.levels.map((s) => s.length);
  console.log(`\n${n} frames, ${levels.join("x")} levels, ${Math.round(frames.reduce((s, f) => s + f.length, 0) / n)} bytes each`);

  const steps = createSteps(frames);
  const opts = stepOptions(n);
  const ex = ccxtPeer();
  const client = { resolve: (): void => undefined };
  const hotRows: Sample[] = [
    measure("(a) JSON.parse", steps.parse, opts),
    measure(ROW.frame, steps.frame, opts),
    measure(ROW.book, steps.book, opts),
    measure(ROW.pipeline, steps.pipeline, opts),
    measure("peer: ccxt.pro handleOrderBook", (i) => {
      ex.handleMessage(client, JSON.parse(frames[i % n] as string));
      return ex.orderbooks["BTC/USDC:USDC"]?.bids.length;
    }, opts),
  ];
  const node: Sample[] = [...hotRows, ...measureSchemaRowsInChild()];
  printTable("per 20-level l2Book frame, Node", node, "(a) JSON.parse");

  // Order-book handling alone, on frames already decoded from JSON: what ccxt does after its
  // client's JSON.parse, against the wire schema + events + our book, and our book alone.
  const objects = frames.map((f) => JSON.parse(f) as unknown);
  const events = objects.map((o) => {
    const r = parseWsValue(o);
    if (!r.ok) throw new Error("archive frame did not parse");
    return frameToEvents(r.value)[0] as BookEvent;
  });
  let book = new OrderBook(BTC_SCALE);
  const handling: Sample[] = [
    measure("peer: ccxt handleOrderBook", (i) => {
      ex.handleMessage(client, objects[i % n]);
      return ex.orderbooks["BTC/USDC:USDC"]?.bids.length;
    }, opts),
    measure("schema+events+book", (i) => {
      if (i % n === 0) book = new OrderBook(BTC_SCALE);
      const r = parseWsValue(objects[i % n]);
      if (!r.ok) return -1;
      const ev = frameToEvents(r.value)[0] as BookEvent;
      return book.applySnapshot(ev.bids, ev.asks).ok ? 1 : 0;
    }, opts),
    measure("book.applySnapshot", (i) => {
      if (i % n === 0) book = new OrderBook(BTC_SCALE);
      const ev = events[i % n] as BookEvent;
      return book.applySnapshot(ev.bids, ev.asks).ok ? 1 : 0;
    }, opts),
  ];
  printTable("order-book handling of a decoded frame, Node", handling, "peer: ccxt handleOrderBook");

  // The replay command's own loop (pipeline + its statistics) over the loaded hour.
  const spec = findRecording("archive-btc-2024-01-01");
  if (spec === undefined) throw new Error("recording missing");
  const rec = spec.load();
  const replayUs: number[] = [];
  for (let k = 0; k < 8; k++) {
    const t0 = process.hrtime.bigint();
    runReplay(rec, spec.markets());
    replayUs.push(Number(process.hrtime.bigint() - t0) / 1000 / rec.events.length);
  }
  const replay = fromDurations("replay loop (runReplay)", replayUs);
  const endToEndUs: number[] = [];
  for (let k = 0; k < 4; k++) {
    const t0 = process.hrtime.bigint();
    const loaded = spec.load();
    runReplay(loaded, spec.markets());
    endToEndUs.push(Number(process.hrtime.bigint() - t0) / 1000 / loaded.events.length);
  }
  const endToEnd = fromDurations("file -> loader -> replay", endToEndUs);
  printTable("replay of the archive hour, per frame, Node", [replay, endToEnd]);

  const w = (await timeInWorkerd(frames, 8, 2, HOT_STEPS)).perFrameUs;
  const ws = (await timeInWorkerd(frames, 8, 2, SCHEMA_STEPS)).perFrameUs;
  const workerd: Sample[] = [
    fromDurations("(a) JSON.parse", w.parse),
    fromDurations(ROW.frame, w.frame),
    fromDurations(ROW.book, w.book),
    fromDurations(ROW.pipeline, w.pipeline),
    fromDurations(ROW.frameSchema, ws.frameSchema),
    fromDurations(ROW.bookSchema, ws.bookSchema),
    fromDurations(ROW.pipelineSchema, ws.pipelineSchema),
  ];
  printTable("per 20-level l2Book frame, inside workerd (timed from outside, empty request subtracted)", workerd, "(a) JSON.parse");

  const row = (rows: Sample[], name: string): Sample => rows.find((r) => r.name === name) as Sample;
  const a = row(node, "(a) JSON.parse");
  const c = row(node, ROW.pipeline);
  const cSchema = row(node, ROW.pipelineSchema);
  const peer = row(node, "peer: ccxt.pro handleOrderBook");
  const [peerBook, ourSchemaBook, ourBook] = handling as [Sample, Sample, Sample];
  const pipelineFps = 1e6 / c.medianUs;
  const replayFps = 1e6 / replay.medianUs;
  const wa = row(workerd, "(a) JSON.parse");
  const wc = row(workerd, ROW.pipeline);
  const wcSchema = row(workerd, ROW.pipelineSchema);
  const ratios = (label: string, x: Sample, base: Sample, p?: Sample): string =>
    `${label}: (c)/(a) = ${(x.medianUs / base.medianUs).toFixed(2)} (goal <= 2)${p === undefined ? "" : `; peer/(c) = ${(p.medianUs / x.medianUs).toFixed(2)} (goal >= 3)`}`;
  console.log(`\n${ratios("Node, hot decoder", c, a, peer)}`);
  console.log(ratios("Node, JSON+zod only", cSchema, a, peer));
  console.log(
    `book handling of a decoded frame: ccxt/ours = ${(peerBook.medianUs / ourSchemaBook.medianUs).toFixed(2)} with our wire schema, ${(peerBook.medianUs / ourBook.medianUs).toFixed(2)} book alone`,
  );
  console.log(ratios("workerd, hot decoder", wc, wa));
  console.log(ratios("workerd, JSON+zod only", wcSchema, wa));
  console.log(
    `replay: pipeline from frame text ${Math.round(pipelineFps)} frames/s (JSON+zod only ${Math.round(1e6 / cSchema.medianUs)}); replay loop with statistics ${Math.round(replayFps)} frames/s; from the file ${Math.round(1e6 / endToEnd.medianUs)} frames/s (goal >= 100,000)`,
  );
  ctx.record("pipeline.node", [...node, ...handling, replay, endToEnd], {
    frames: n,
    cOverA: c.medianUs / a.medianUs,
    peerOverC: peer.medianUs / c.medianUs,
    cSchemaOverA: cSchema.medianUs / a.medianUs,
    peerOverCSchema: peer.medianUs / cSchema.medianUs,
    peerBookOverOurSchemaBook: peerBook.medianUs / ourSchemaBook.medianUs,
    peerBookOverOurBook: peerBook.medianUs / ourBook.medianUs,
    pipelineFramesPerSec: pipelineFps,
    pipelineSchemaFramesPerSec: 1e6 / cSchema.medianUs,
    replayFramesPerSec: replayFps,
  });
  ctx.record("pipeline.workerd", workerd, { cOverA: wc.medianUs / wa.medianUs, cSchemaOverA: wcSchema.medianUs / wa.medianUs });
}
