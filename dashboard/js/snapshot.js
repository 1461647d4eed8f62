/**
 * The `/stream` frame (durable-objects/README.md, "StatusHub") read into one plain shape the
 * panels can use without checking every field: a missing or null field becomes null (numbers),
 * "" or [] — never undefined — so no panel can throw on a partial frame. The RiskDO part is
 * RiskStatus (durable-objects/risk/status.ts) and may be null when the RiskDO did not answer;
 * each market is a MarketStatus or `{id, error}` when its MarketDO did not answer.
 */
import { num } from "./format.js";

const obj = (x) => (typeof x === "object" && x !== null && !Array.isArray(x) ? x : {});
const arr = (x) => (Array.isArray(x) ? x : []);
const str = (x) => (typeof x === "string" ? x : "");
const strOrNull = (x) => (typeof x === "string" ? x : null);
const bool = (x) => x === true;

function readPosition(p) {
  const o = obj(p);
  return {
    market: str(o.market),
    lots: num(o.lots),
    qty: strOrNull(o.qty),
    markUsd: num(o.markUsd),
    valueUsd: num(o.valueUsd),
    realisedUsd: num(o.realisedUsd),
    unrealisedUsd: num(o.unrealisedUsd),
    feesUsd: num(o.feesUsd),
  };
}

function readOrder(x) {
  const o = obj(x);
  return { cloid: str(o.cloid), market: str(o.market), side: str(o.side), px: strOrNull(o.px), sz: strOrNull(o.sz), status: str(o.status), strategy: str(o.strategy), ageMs: num(o.ageMs) };
}

function readTrigger(x) {
  const o = obj(x);
  return { kind: str(o.kind), scope: str(o.scope), sinceMs: num(o.sinceMs), detail: str(o.detail) };
}

function readAccount(a) {
  if (typeof a !== "object" || a === null) return null;
  const o = obj(a);
  const pnl = obj(o.pnl);
  const counts = obj(o.counts);
  return {
    ts: num(o.ts),
    killed: bool(o.killed),
    killReason: strOrNull(o.killReason),
    cashUsd: num(o.cashUsd),
    equityUsd: num(o.equityUsd),
    equityPeakUsd: num(o.equityPeakUsd),
    drawdownUsd: num(o.drawdownUsd),
    grossNotionalUsd: num(o.grossNotionalUsd),
    pnl: { realisedUsd: num(pnl.realisedUsd), unrealisedUsd: num(pnl.unrealisedUsd), feesUsd: num(pnl.feesUsd), totalUsd: num(pnl.totalUsd) },
    positions: arr(o.positions).map(readPosition),
    openOrders: arr(o.openOrders).map(readOrder),
    triggers: arr(o.triggers).map(readTrigger),
    counts: {
      submitted: num(counts.submitted),
      passed: num(counts.passed),
      resized: num(counts.resized),
      rejected: num(counts.rejected),
      sent: num(counts.sent),
      fills: num(counts.fills),
      cancels: num(counts.cancels),
      venueRejects: num(counts.venueRejects),
      unknown: num(counts.unknown),
    },
  };
}

function readHist(h) {
  const o = obj(h);
  return { counts: arr(o.counts).map((c) => num(c) ?? 0), n: num(o.n) ?? 0, maxMs: num(o.maxMs) ?? 0 };
}

/** Stage histograms (shared/runtime/latency-histogram.ts), or null. */
function readLatency(l) {
  if (typeof l !== "object" || l === null || !Array.isArray(l.bounds)) return null;
  const stages = {};
  for (const [k, v] of Object.entries(obj(l.stages))) stages[k] = { total: readHist(obj(v).total), window: readHist(obj(v).window) };
  return { bounds: arr(l.bounds).map((b) => num(b) ?? 0), windowMs: num(l.windowMs), stages };
}

/** The venue the Workers talk to: {network, kind, paper, host}, or null (an older server). */
function readVenue(v) {
  if (typeof v !== "object" || v === null || typeof v.kind !== "string") return null;
  return { network: str(v.network), kind: v.kind, paper: v.paper === true, host: str(v.host) };
}

/** A market's live view (shared/runtime/market/live-view.ts): pipelines, context, outcome, knobs, latency. */
function readLive(l) {
  if (typeof l !== "object" || l === null) return null;
  const out = obj(l.outcome);
  return {
    pipelines: arr(l.pipelines).filter((p) => typeof p === "object" && p !== null),
    context: typeof l.context === "object" && l.context !== null ? l.context : null,
    inputsSource: strOrNull(l.inputsSource),
    outcome: num(out.expiryMs) === null ? null : { expiryMs: num(out.expiryMs), strike: num(out.strike) },
    params: typeof l.params === "object" && l.params !== null ? l.params : null,
    latency: readLatency(l.latency),
  };
}

function readRisk(r) {
  if (typeof r !== "object" || r === null) return null;
  const o = obj(r);
  const stream = obj(o.stream);
  const markets = {};
  for (const [id, list] of Object.entries(obj(o.markets))) markets[id] = arr(list).filter((m) => typeof m === "string");
  const feedsDown = [];
  for (const [id, f] of Object.entries(obj(o.feedsDown))) feedsDown.push({ market: id, reason: str(obj(f).reason) || JSON.stringify(f) });
  return {
    state: str(o.state) || "UNKNOWN",
    mode: str(o.mode),
    phase: str(o.phase),
    ready: bool(o.ready),
    problem: strOrNull(o.problem),
    account: readAccount(o.account),
    stream: typeof o.stream === "object" && o.stream !== null ? { phase: str(stream.phase), synced: bool(stream.synced), lastFrameMs: num(stream.lastFrameMs), lastError: strOrNull(stream.lastError) } : null,
    markets,
    feedsDown,
    pnlTodayUsd: num(o.pnlTodayUsd),
    pnlDay: typeof o.pnlDay === "object" && o.pnlDay !== null ? { dayStartMs: num(o.pnlDay.dayStartMs), equityUsd: num(o.pnlDay.equityUsd), source: str(o.pnlDay.source) } : null,
    latency: readLatency(o.latency),
  };
}

function readQuote(q) {
  const o = obj(q);
  return { slot: str(o.slot), market: str(o.market), side: str(o.side), px: num(o.px), sz: num(o.sz), refPx: num(o.refPx), tif: str(o.tif) };
}

function readMarket(m) {
  const o = obj(m);
  const id = str(o.id);
  if (typeof o.error === "string") return { id, error: o.error };
  const f = obj(o.feed);
  const s = obj(o.submits);
  return {
    id,
    error: null,
    market: str(o.market) || id,
    strategy: str(o.strategy),
    enabled: o.enabled !== false,
    ts: num(o.ts),
    tradable: bool(o.tradable),
    mid: num(o.mid),
    fair: num(o.fair),
    alpha: num(o.alpha),
    quotes: arr(o.quotes).map(readQuote),
    decisions: num(o.decisions),
    feed: {
      phase: str(f.phase) || "down",
      synced: bool(f.synced),
      since: num(f.since),
      resyncs: num(f.resyncs),
      lastResyncReason: strOrNull(f.lastResyncReason),
      lastFrameAt: num(f.lastFrameAt),
      lastError: strOrNull(f.lastError),
      coins: arr(f.coins).filter((c) => typeof c === "string"),
    },
    submits: { sent: num(s.sent), failed: num(s.failed), superseded: num(s.superseded), lastError: strOrNull(s.lastError) },
    live: readLive(o.live),
  };
}

/** A parsed frame, or null when it is not a snapshot (a "pong", another type, garbage). */
export function readSnapshot(raw) {
  if (typeof raw !== "object" || raw === null || raw.type !== "snapshot") return null;
  const ts = num(raw.ts);
  if (ts === null) return null;
  return {
    seq: num(raw.seq),
    ts,
    network: str(raw.network) || "unknown",
    venue: readVenue(raw.venue),
    risk: readRisk(raw.risk),
    markets: arr(raw.markets).map(readMarket).filter((m) => m.id !== ""),
  };
}
