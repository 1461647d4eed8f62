/**
 * The MarketDO's path to the RiskDO (SPEC §1: risk never blocks a market's receive path): each
 * emitted decision is recorded with its stage times, then sent by one RPC, never awaited by the
 * caller; at most one is in flight and a newer decision replaces one still waiting (the queue's
 * rule is shared/runtime/market/submit-queue.ts). The answer, the account as the RiskDO now sees
 * this engine, goes back to the engine.
 */
import type { AccountSlice, MarketDecision } from "../../shared/engine/types";
import type { RiskForMarkets } from "../../shared/runtime/market/risk-port";
import { SubmitQueue } from "../../shared/runtime/market/submit-queue";
import type { SubmitStatus } from "../../shared/runtime/market/types";
import type { MarketStore } from "./store";

interface Pending {
  decision: MarketDecision;
  frameAt: number;
  decidedAt: number;
}

export interface SenderOptions {
  store: MarketStore;
  risk(): RiskForMarkets;
  onSlice(slice: AccountSlice): void;
}

export class DecisionSender {
  private readonly queue = new SubmitQueue<Pending>();
  private sent = 0;
  private failed = 0;
  lastError: string | null = null;

  constructor(private readonly o: SenderOptions) {}

  /** `coin`/`frameTs`: the frame the decision answers (null when an alarm or the account moved it). */
  offer(decision: MarketDecision, coin: string | null, frameTs: number | null, frameAt: number): void {
    const decidedAt = Date.now();
    this.o.store.recordTiming({ seq: decision.seq, coin, frameTs, frameAt, decidedAt, submittedAt: null, answeredAt: null, quotes: decision.quotes.length, orders: decision.orders.length });
    const now = this.queue.offer({ decision, frameAt, decidedAt });
    if (now !== null) void this.run(now);
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
      const { decision, frameAt, decidedAt } = next;
      this.o.store.submitted(decision.seq, Date.now());
      try {
        const slice = await this.o.risk().submit(decision, { frameAt, decidedAt });
        this.o.store.answered(decision.seq, Date.now());
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
