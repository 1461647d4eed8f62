/**
 * Per-stage latency histograms of the order path, kept by the RiskDO from the stage times its
 * `ack` records carry (frameAt, decidedAt, riskAt, signerAt, signedAt, postedAt, answeredAt;
 * README.md "audit log"), so the stream can show them without anyone reading the audit log.
 * One signed batch counts once however many orders it held. In memory only: counts since the
 * object started plus a five-minute window (shared/runtime/latency-histogram.ts).
 */
import type { NewAuditEntry } from "../../shared/runtime/account/audit";
import { orderStageDurations, StageHistograms, type StageHistogramsView } from "../../shared/runtime/latency-histogram";
import { RiskStore } from "./store";

/** Nonces of batches already counted (acks of one batch are written one after another). */
const RECENT_BATCHES = 64;

export class LatencyLog {
  private readonly hist = new StageHistograms(5);
  private readonly recent: unknown[] = [];
  readonly startedAt: number;

  constructor(nowMs: number) {
    this.startedAt = nowMs;
  }

  observe(entries: readonly NewAuditEntry[]): void {
    for (const e of entries) {
      if (e.kind !== "ack") continue;
      const body = e.body as { nonce?: unknown; stages?: unknown } | null;
      const stages = body?.stages;
      if (typeof stages !== "object" || stages === null) continue;
      const batch = body?.nonce ?? e.cloid;
      if (batch !== null && batch !== undefined) {
        if (this.recent.includes(batch)) continue;
        this.recent.push(batch);
        if (this.recent.length > RECENT_BATCHES) this.recent.shift();
      }
      for (const d of orderStageDurations(stages as Record<string, unknown>)) this.hist.observe(d.key, d.ms, e.ts);
    }
  }

  view(nowMs: number): StageHistogramsView & { since: number } {
    return { ...this.hist.view(nowMs), since: this.startedAt };
  }
}

/** The RiskStore with every audit write also shown to an observer (the latency log). */
export class ObservedRiskStore extends RiskStore {
  constructor(
    sql: SqlStorage,
    private readonly observer: (entries: readonly NewAuditEntry[]) => void,
  ) {
    super(sql);
  }

  override audit(entries: readonly NewAuditEntry[]): void {
    super.audit(entries);
    this.observer(entries);
  }
}
