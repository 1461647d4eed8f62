/**
 * Reconciliation with the venue (SPEC §9, §12): one read of the account at the venue
 * (venue-read.ts), then, in the engine: the venue clock, revaluation at the mids, the depth of
 * each book (the depth-vanishing trigger), `onReconcile` (adopt our lost orders, cancel zombies
 * and orders that are not ours, query the unresolved) with the fills the stream missed recorded
 * as fills; finally the engine's positions are compared with the venue's. A read that fails
 * changes nothing; the caller retries.
 */
import { err } from "../../shared/core/result";
import type { AccountEngine } from "../../shared/engine";
import type { VenueClock } from "../../shared/runtime/account/venue-clock";
import { marksFromMids, positionDrift, venuePositions, venueSnapshot, type SnapshotRead } from "../../shared/runtime/account/venue-snapshot";
import { mergeOutputs, type AccountDesk } from "./desk";
import type { RiskSetup } from "./setup";
import type { RiskStore } from "./store";
import type { VenueInfo } from "./venue-info";
import { dexesOf, readVenue } from "./venue-read";

export interface ReconcileReport {
  at: number;
  reason: string;
  ok: boolean;
  error: string | null;
  openOrders: number;
  fills: number;
  skipped: SnapshotRead["skipped"] | null;
  /** Markets where the engine's position differs from the venue's after the reconciliation. */
  drift: { market: string; engineLots: number; venueLots: number }[];
  actions: { cancels: number; cancelsByOid: number; queries: number; adopted: number };
  clockOffsetMs: number;
}

function failedReport(reason: string, error: string, at: number, clock: VenueClock): ReconcileReport {
  return { at, reason, ok: false, error, openOrders: 0, fills: 0, skipped: null, drift: [], actions: { cancels: 0, cancelsByOid: 0, queries: 0, adopted: 0 }, clockOffsetMs: clock.offsetMs };
}

export class Reconciler {
  constructor(
    private readonly store: RiskStore,
    private readonly setup: RiskSetup,
    private readonly desk: AccountDesk,
    private readonly info: VenueInfo,
  ) {}

  async run(reason: string): Promise<ReconcileReport> {
    const s = this.setup;
    const desk = this.desk;
    const insts = s.instruments();
    const read = desk.engine === null ? err("account engine not started") : await readVenue(this.info, insts, s.clock);
    const now = Date.now();
    const engine = desk.engine;
    if (!read.ok || engine === null) return this.keep(failedReport(reason, read.ok ? "account engine not started" : read.error, now, s.clock));
    s.clock = read.value.clock;
    s.save("clock");
    const snap = venueSnapshot({ openOrders: read.value.openOrders, fills: read.value.fills, asOfMs: read.value.readAt, fillsSinceMs: s.baselineMs ?? 0 }, insts);
    const positions = venuePositions(read.value.perps, read.value.spot, insts);
    const adoptedBefore = countAdopted(engine);
    const marks = desk.act((e, t) => e.onMarks(marksFromMids(read.value.mids, insts), t));
    const depth = Object.entries(read.value.depthUsd).map(([scope, usd]) => desk.act((e, t) => e.onDepth(scope, usd, t)));
    // Fills the stream missed are recorded as fills (the engine applies each tid once).
    const missed = snap.snapshot.fills.filter((f) => !engine.state.seenTids.includes(f.tid));
    const rec = desk.act(
      (e, t) => e.onReconcile(snap.snapshot, t),
      (_o, t) => missed.map((f) => ({ ts: t, kind: "fill" as const, market: f.market, engine: null, cloid: f.cloid, body: { source: "reconcile", ...f } })),
    );
    const report: ReconcileReport = {
      at: now,
      reason,
      ok: true,
      error: null,
      openOrders: snap.snapshot.openOrders.length,
      fills: snap.snapshot.fills.length,
      skipped: { ...snap.skipped, unreadable: [...snap.skipped.unreadable, ...positions.unreadable] },
      drift: positionDrift(engine.state.risk.positions, positions.lots),
      actions: { cancels: rec.cancels.length, cancelsByOid: rec.cancelsByOid.length, queries: rec.queries.length, adopted: countAdopted(engine) - adoptedBefore },
      clockOffsetMs: s.clock.offsetMs,
    };
    this.keep(report);
    await desk.execute(mergeOutputs([marks, ...depth, rec]));
    return report;
  }

  /** Marks from the venue's mids alone (before a flatten prices its orders). */
  async refreshMarks(): Promise<void> {
    const insts = this.setup.instruments();
    const mids = await Promise.all(dexesOf(insts).map((dex) => this.info.mids(dex)));
    const merged: Record<string, string> = {};
    for (const m of mids) if (m.ok) Object.assign(merged, m.value.value);
    await this.desk.execute(this.desk.act((e, t) => e.onMarks(marksFromMids(merged, insts), t)));
  }

  private keep(report: ReconcileReport): ReconcileReport {
    this.setup.lastReconcile = report;
    this.setup.save("lastReconcile");
    this.store.audit([{ ts: report.at, kind: "reconcile", market: null, engine: null, cloid: null, body: report }]);
    return report;
  }
}

function countAdopted(e: AccountEngine): number {
  let n = 0;
  for (const cloid in e.state.book.orders) if (e.state.book.orders[cloid]!.intent.slot.startsWith("adopted:")) n++;
  return n;
}

/** True while some order's fate is open (sent without an answer, or unknown): reconcile sooner. */
export function inFlight(e: AccountEngine): boolean {
  for (const cloid in e.state.book.orders) {
    const st = e.state.book.orders[cloid]!.status;
    if (st === "sent" || st === "unknown") return true;
  }
  return false;
}
