import { describe, expect, it } from "vitest";
import { px, sz } from "../../core/units";
import type { AccountOutput, MarketDecision, RiskRecord } from "../../engine/types";
import { AUDIT_RETENTION, AuditQuerySchema, auditSelect, decisionEntry, fromRow, refusedEntry, retentionBounds, riskEntries, toRow } from "./audit";

const decision: MarketDecision = {
  engine: "hl:#150",
  seq: 42,
  ts: 1_000,
  slots: ["hl:#150:mm:bid"],
  quotes: [{ slot: "hl:#150:mm:bid", market: "hl:#150", venue: "hl", side: "buy", px: px(95205), sz: sz(13), tif: "Alo", tactic: "post_only", strategy: "mm", refPx: px(95300) }],
  orders: [],
  requote: { refresh_tolerance_ticks: 2, size_tolerance: 0.2, min_order_age_ms: 1_000, urgent_ticks: 10 },
  churnPerMin: 60,
  context: { strategy: "mm", tradable: true, alpha: 0.1, signals: { ofi: 0.4, micro: null }, regime: { liquidity: "liquid", vol: "normal", extreme: false }, fair: 0.953, mid: 0.9539, inputs: { sigma: 0.3 }, notes: [] },
};

const record: RiskRecord = {
  ts: 1_001,
  engine: "hl:#150",
  decisionSeq: 42,
  cloid: "0xaa",
  market: "hl:#150",
  side: "buy",
  px: 95205,
  requestedLots: 13,
  decision: { kind: "reject", limit: "kill_switch", reason: "operator" },
  mode: "halted",
  inputs: { posLots: 0, pendingLongLots: 0, pendingShortLots: 0, openOrders: 0, equityUsd: 200_000, drawdownUsd: 0, grossUsd: 0 },
};

const out: AccountOutput = { cancels: [{ cloid: "0xbb", market: "hl:#150", reason: "requote" }], cancelsByOid: [], orders: [], queries: [], records: [record], held: [], errors: [], changed: [] };

describe("audit entries", () => {
  it("a decision keeps its signals, inputs and context next to what risk decided", () => {
    const e = decisionEntry(decision, { frameAt: 990, decidedAt: 995, receivedAt: 1_000 }, out, 1_001);
    expect(e).toMatchObject({ kind: "decision", market: "hl:#150", engine: "hl:#150", ts: 1_001 });
    const body = e.body as { context: unknown; result: { decisions: { decision: unknown }[]; cancels: unknown[] }; timing: unknown };
    expect(body.context).toEqual(decision.context);
    expect(body.timing).toEqual({ frameAt: 990, decidedAt: 995, receivedAt: 1_000 });
    expect(body.result.decisions[0]!.decision).toEqual({ kind: "reject", limit: "kill_switch", reason: "operator" });
    expect(body.result.cancels).toEqual([{ cloid: "0xbb", reason: "requote" }]);
  });

  it("refusals and risk records are entries of their own", () => {
    expect(refusedEntry(decision, { frameAt: 1, decidedAt: 2, receivedAt: 3 }, "reconciling", 4)).toMatchObject({ kind: "refused", body: { seq: 42, reason: "reconciling" } });
    expect(riskEntries([record])).toEqual([{ ts: 1_001, kind: "risk", market: "hl:#150", engine: "hl:#150", cloid: "0xaa", body: record }]);
  });

  it("round-trips through a row; an unreadable body or kind is kept, not thrown", () => {
    const e = riskEntries([record])[0]!;
    expect(fromRow({ id: 7, ...toRow(e) })).toEqual({ id: 7, ...e });
    expect(fromRow({ id: 8, ts: 1, kind: "weird", market: null, engine: null, cloid: null, body: "{not json" })).toMatchObject({ kind: "error", body: { unreadable: "{not json" } });
  });
});

describe("audit query", () => {
  it("validates what the admin API passes in", () => {
    expect(AuditQuerySchema.safeParse({ market: "hl:#150", limit: 10, kind: "fill" }).success).toBe(true);
    expect(AuditQuerySchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(AuditQuerySchema.safeParse({ kind: "drop table" }).success).toBe(false);
    expect(AuditQuerySchema.safeParse({ extra: 1 }).success).toBe(false);
  });

  it("binds every value; since reads forward, otherwise the newest first", () => {
    expect(auditSelect({ market: "hl:#150", kind: "risk", since: 5, limit: 3 })).toEqual({
      sql: "SELECT id, ts, kind, market, engine, cloid, body FROM audit WHERE (market = ? OR engine = ?) AND kind = ? AND ts >= ? ORDER BY id ASC LIMIT ?",
      params: ["hl:#150", "hl:#150", "risk", 5, 3],
    });
    expect(auditSelect({})).toEqual({ sql: "SELECT id, ts, kind, market, engine, cloid, body FROM audit ORDER BY id DESC LIMIT ?", params: [100] });
  });

  it("retention drops what is older than a week or beyond the newest 200k rows", () => {
    expect(retentionBounds(10 * 86_400_000, 250_000, AUDIT_RETENTION)).toEqual({ beforeTs: 3 * 86_400_000, belowId: 50_001 });
    expect(retentionBounds(0, 10, AUDIT_RETENTION).belowId).toBe(0);
  });
});
