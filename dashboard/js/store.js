/**
 * Everything the page knows, in one place: the last stream snapshot and its timing, what the
 * admin API answered last (per market snapshot, config, decision log), the series the page
 * builds up itself (PnL, each venue's YES price), and the signals tail. Panels read it; the
 * stream, the poller and the replay write it.
 */
import { Series } from "./series.js";

export const SIGNALS_TAIL = 60;

export function createStore() {
  return {
    openedAt: Date.now(),
    snap: null,
    recvAt: null,
    lastDelayMs: null,
    /** Smallest receive − ts seen on this connection (clock offset + fastest delivery). */
    minDelayMs: null,
    /** id -> { value: MarketSnapshot, at: browser ms } from GET /admin/markets/:id */
    details: {},
    /** id -> { value: {engine: {pipelines, context}, params}, at } from the stream's MarketStatus.live (no token) */
    live: {},
    /** GET /admin/pnl (token): { series: [{ts, equityUsd, pnlUsd}], at } */
    pnlHistory: null,
    config: null,
    health: null,
    /** audit entries, newest first */
    riskTail: [],
    acks: [],
    /** engine id -> anchorsFrom() */
    anchors: {},
    pnl: new Series(14_400, 1_000),
    /** venue key -> Series of YES-equivalent prices (inefficiency view) */
    venues: {},
    /** [{t, coin, values...}] newest first */
    signals: [],
    /** non-null while a capture replays: replay/player.js state */
    replay: null,
  };
}

/** Folds one stream snapshot into the store. */
export function takeSnapshot(store, snap, recvAt) {
  const delay = recvAt - snap.ts;
  store.minDelayMs = store.minDelayMs === null ? delay : Math.min(store.minDelayMs, delay);
  store.lastDelayMs = delay;
  store.snap = snap;
  store.recvAt = recvAt;
  const pnl = snap.risk?.account?.pnl.totalUsd ?? null;
  if (pnl !== null) store.pnl.push(snap.ts, pnl);
  for (const m of snap.markets ?? []) {
    const live = m?.live;
    if (typeof live !== "object" || live === null) continue;
    store.live[m.id] = { value: { engine: { pipelines: live.pipelines ?? [], context: live.context ?? null }, params: live.params ?? null, inputsSource: live.inputsSource ?? null }, at: recvAt };
    // The outcome's expiry and strike come with the market; the decision log is no longer needed for them.
    const o = live.outcome;
    if (o !== null && typeof o === "object" && typeof o.expiryMs === "number") {
      const known = store.anchors[m.id];
      if (known === undefined || known === null || known.expiryMs !== o.expiryMs || known.strike !== (o.strike ?? known.strike)) store.anchors[m.id] = { ts: snap.ts, expiryMs: o.expiryMs, strike: o.strike ?? known?.strike ?? null, seq: null };
    }
  }
}

/**
 * A market's detail: the admin snapshot when the token fetched one in the last 5 s, else the
 * stream's live view (same field names: engine.pipelines, engine.context, params).
 */
export function detailOf(store, id, now = Date.now()) {
  const d = store.details[id];
  if (d !== undefined && now - d.at < 5_000) return d.value;
  return store.live[id]?.value ?? d?.value ?? null;
}

/** Every market's detail by id (detailOf for each market on the stream). */
export function detailsById(store) {
  const out = {};
  for (const m of store.snap?.markets ?? []) {
    const v = detailOf(store, m.id);
    if (v !== null) out[m.id] = { value: v };
  }
  return out;
}

/** The server's clock now, from the browser's (offset estimated on the stream). */
export function serverNow(store, now = Date.now()) {
  return store.minDelayMs === null ? now : now - store.minDelayMs;
}

export function venueSeries(store, key) {
  let s = store.venues[key];
  if (s === undefined) {
    s = new Series(4_000, 250);
    store.venues[key] = s;
  }
  return s;
}

/** Appends a row to the signals tail when something in it changed since that coin's last row. */
export function pushSignals(store, row) {
  const prev = store.signals.find((r) => r.coin === row.coin && r.source === row.source);
  const same = prev !== undefined && ["ofi", "mlofi", "aggr", "leadlag", "alpha", "micro", "regime", "tradable"].every((k) => prev[k] === row[k]);
  if (same) return;
  store.signals.unshift(row);
  if (store.signals.length > SIGNALS_TAIL) store.signals.length = SIGNALS_TAIL;
}

/** Drops everything read with the admin token (the token was forgotten). */
export function forgetAdminData(store) {
  store.details = {};
  store.config = null;
  store.health = null;
  store.riskTail = [];
  store.acks = [];
  store.anchors = {};
  store.signals = [];
  store.pnlHistory = null;
}
