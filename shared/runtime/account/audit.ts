/**
 * The RiskDO's audit log (SPEC §1 principle 4, §10): every decision with its inputs, signal
 * values and result, every risk decision with the limit it ran into, every order, ack, cancel,
 * fill and status answer, and every control action, as rows of one SQLite table. This file
 * holds the record shapes, their row mapping, the query (validated: it comes from the admin
 * API) and the retention rule; the SQL itself runs in durable-objects/risk.
 */
import * as z from "zod";
import type { AccountOutput, MarketDecision, RiskRecord } from "../../engine/types";

export const AUDIT_KINDS = [
  "decision",
  "refused",
  "risk",
  "order",
  "ack",
  "cancel",
  "cancel_ack",
  "fill",
  "order_update",
  "status",
  "reconcile",
  "control",
  "stream",
  "feed",
  "dead_man",
  "config",
  "error",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * A stored body as it reads back (parsed JSON; always an object or array, as recorded). Typed
 * `object` so it crosses RPC: a recursive JSON type makes the stub types too deep for tsc, and
 * `unknown` is not serializable by type. Readers narrow it themselves.
 */
export type AuditBody = object;

export interface AuditEntry {
  id: number;
  /** Local ms when it was recorded. */
  ts: number;
  kind: AuditKind;
  /** Instrument market ("hl:#150") or, for decisions and feeds, the MarketDO id. */
  market: string | null;
  engine: string | null;
  cloid: string | null;
  body: AuditBody;
}

/** An entry to record: any plain value as its body (it is stored as JSON). */
export type NewAuditEntry = Omit<AuditEntry, "id" | "body"> & { body: unknown };

/** One SQLite row (body as JSON text). */
export interface AuditRow {
  id: number;
  ts: number;
  kind: string;
  market: string | null;
  engine: string | null;
  cloid: string | null;
  body: string;
}

export function toRow(e: NewAuditEntry): Omit<AuditRow, "id"> {
  return { ts: e.ts, kind: e.kind, market: e.market, engine: e.engine, cloid: e.cloid, body: JSON.stringify(e.body) };
}

export function fromRow(r: AuditRow): AuditEntry {
  let body: AuditBody;
  try {
    const v: unknown = JSON.parse(r.body);
    body = typeof v === "object" && v !== null ? v : { value: v };
  } catch {
    body = { unreadable: r.body };
  }
  const kind = (AUDIT_KINDS as readonly string[]).includes(r.kind) ? (r.kind as AuditKind) : "error";
  return { id: r.id, ts: r.ts, kind, market: r.market, engine: r.engine, cloid: r.cloid, body };
}

export const AuditQuerySchema = z.strictObject({
  /** Instrument market or MarketDO id. */
  market: z.string().min(1).max(200).optional(),
  /** Local ms; entries at or after it, oldest first. Without it: the newest `limit`. */
  since: z.number().int().nonnegative().optional(),
  limit: z.number().int().min(1).max(1_000).optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const DEFAULT_AUDIT_LIMIT = 100;

/** The SELECT for a query (parameters bound, never interpolated). */
export function auditSelect(q: AuditQuery): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.market !== undefined) {
    where.push("(market = ? OR engine = ?)");
    params.push(q.market, q.market);
  }
  if (q.kind !== undefined) {
    where.push("kind = ?");
    params.push(q.kind);
  }
  if (q.since !== undefined) {
    where.push("ts >= ?");
    params.push(q.since);
  }
  const filter = where.length > 0 ? ` WHERE ${where.join(" AND ")}` : "";
  const order = q.since !== undefined ? "ASC" : "DESC";
  params.push(q.limit ?? DEFAULT_AUDIT_LIMIT);
  return { sql: `SELECT id, ts, kind, market, engine, cloid, body FROM audit${filter} ORDER BY id ${order} LIMIT ?`, params };
}

export interface RetentionPolicy {
  maxAgeMs: number;
  maxRows: number;
}

/** A week of history, and never more than 200k rows (a row is a few hundred bytes; 10 GB is the DO's limit). */
export const AUDIT_RETENTION: RetentionPolicy = { maxAgeMs: 7 * 24 * 3_600_000, maxRows: 200_000 };

/** Rows to drop: older than the age limit, or below the newest maxRows ids. */
export function retentionBounds(nowMs: number, lastId: number, p: RetentionPolicy): { beforeTs: number; belowId: number } {
  return { beforeTs: nowMs - p.maxAgeMs, belowId: Math.max(0, lastId - p.maxRows + 1) };
}

/** Decision timing as the MarketDO reports it, plus when the RiskDO took it. */
export interface DecisionTiming {
  frameAt: number;
  decidedAt: number;
  receivedAt: number;
}

/** A decision with everything that explains it and what risk made of it. */
export function decisionEntry(d: MarketDecision, timing: DecisionTiming, out: AccountOutput, nowMs: number): NewAuditEntry {
  return {
    ts: nowMs,
    kind: "decision",
    market: d.engine,
    engine: d.engine,
    cloid: null,
    body: {
      seq: d.seq,
      ts: d.ts,
      timing,
      slots: d.slots,
      quotes: d.quotes,
      orders: d.orders,
      requote: d.requote,
      context: d.context,
      result: {
        decisions: out.records.map((r) => ({ cloid: r.cloid, market: r.market, side: r.side, px: r.px, requestedLots: r.requestedLots, decision: r.decision })),
        sent: out.orders.map((o) => o.cloid),
        cancels: out.cancels.map((c) => ({ cloid: c.cloid, reason: c.reason })),
        held: out.held,
        errors: out.errors,
      },
    },
  };
}

/** A decision that arrived while the account could not take it (restoring, reconciling, unknown engine). */
export function refusedEntry(d: MarketDecision, timing: DecisionTiming, reason: string, nowMs: number): NewAuditEntry {
  return { ts: nowMs, kind: "refused", market: d.engine, engine: d.engine, cloid: null, body: { seq: d.seq, reason, timing, quotes: d.quotes, orders: d.orders, context: d.context } };
}

export function riskEntries(records: readonly RiskRecord[]): NewAuditEntry[] {
  return records.map((r) => ({ ts: r.ts, kind: "risk", market: r.market, engine: r.engine, cloid: r.cloid, body: r }));
}
