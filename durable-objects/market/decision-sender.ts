/**
 * The MarketDO's path to the RiskDO (SPEC §1: risk never blocks a market's receive path): each
 * emitted decision is recorded with its stage times, then sent by one RPC, never awaited by the
 * caller; at most one is in flight and a newer decision replaces one still waiting (the queue's
 * rule is shared/runtime/market/submit-queue.ts). The answer, the account as the RiskDO now sees
 * this engine, goes back to the engine.
 *
 * Stage times are kept in memory and written to SQLite by `flush()` (the owner's alarm): a
 * storage write shuts the object's output gate until it is durable, and a write on the way out
 * would hold the very RPC it records.
 */
import type { AccountSlice, MarketDecision } from "../../shared/engine/types";
import type { RiskForMarkets } from "../../shared/runtime/market/risk-port";
import { StageHistograms } from "../../shared/runtime/latency-histogram";
import { SubmitQueue } from "../../shared/runtime/market/submit-queue";
import type { DecisionTiming, SubmitStatus } from "../../shared/runtime/market/types";
import type { MarketStore } from "./store";

interface Pending {
  decision: MarketDecision;
  timing: DecisionTiming;
}

/** Timings held in memory at most (older unflushed ones are dropped: diagnostics, not state). */
const BUFFER_KEPT = 5_000;

export interface SenderOptions {
  store: MarketStore;
  risk(): RiskForMarkets;
  onSlice(slice: AccountSlice): void;
}

export class DecisionSender {
  private readonly queue = new SubmitQueue<Pending>();
  private sent = 0;
  private failed = 0;
  private buffer: DecisionTiming[] = [];
  lastError: string | null = null;
  /** frame -> decision (decisions a venue frame led to) and the submit RPC's round trip, ms. */
  readonly latency = new StageHistograms(5);

  constructor(private readonly o: SenderOptions) {}

  /** `coin`/`frameTs`: the frame the decision answers (null when an alarm or the account moved it). */
  offer(decision: MarketDecision, coin: string | null, frameTs: number | null, frameAt: number): void {
    const timing: DecisionTiming = { seq: decision.seq, coin, frameTs, frameAt, decidedAt: Date.now(), submittedAt: null, answeredAt: null, quotes: decision.quotes.length, orders: decision.orders.length };
    this.buffer.push(timing);
    if (coin !== null) this.latency.observe("decide", timing.decidedAt - frameAt, timing.decidedAt);
    if (this.buffer.length > BUFFER_KEPT) this.buffer.splice(0, this.buffer.length - BUFFER_KEPT);
    const now = this.queue.offer({ decision, timing });
    if (now !== null) void this.run(now);
  }

  /** Writes the buffered stage times (called from the alarm, off the receive path). */
  flush(): void {
    for (const t of this.buffer) this.o.store.recordTiming(t);
    this.buffer = [];
  }

  /** Stage times after `sinceSeq`: written ones, then those still buffered. */
  timings(sinceSeq: number, limit: number): DecisionTiming[] {
    const buffered = this.buffer.filter((t) => t.seq > sinceSeq);
    const seen = new Set(buffered.map((t) => t.seq));
    const stored = this.o.store.timings(sinceSeq, limit).filter((t) => !seen.has(t.seq));
    return [...stored, ...buffered].sort((a, b) => a.seq - b.seq).slice(0, limit);
  }

  /** Drops what waits (the engine was rebuilt); a submit in flight still finishes. */
  clear(): void {
    this.queue.clear();
  }

  note(error: string): void {
    this.lastError = error;
  }

  status(): SubmitStatus {
    return { sent: this.sent, failed: this.failed, superseded: this.queue.superseded, inFlight: this.queue.busy, lastError: this.lastError };
  }

  private async run(first: Pending): Promise<void> {
    let next: Pending | null = first;
    while (next !== null) {
      const { decision, timing } = next;
      timing.submittedAt = Date.now();
      try {
        const slice = await this.o.risk().submit(decision, { frameAt: timing.frameAt, decidedAt: timing.decidedAt });
        timing.answeredAt = Date.now();
        this.latency.observe("submit", timing.answeredAt - timing.submittedAt, timing.answeredAt);
        this.sent++;
        this.o.onSlice(slice);
      } catch (e) {
        this.failed++;
        this.lastError = `submit: ${e instanceof Error ? e.message : String(e)}`;
      }
      next = this.queue.done();
    }
  }
}
