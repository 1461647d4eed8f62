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
}
