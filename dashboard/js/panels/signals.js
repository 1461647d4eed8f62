/**
 * The signals tail: OFI, multi-level OFI, aggressive volume, lead-lag, alpha, regime and
 * tradability per coin, one row whenever any of them changed. From each market's live view on
 * the stream (no token; the admin snapshot when the token fetched one). During a replay, OFI and
 * the micro-price come from the capture's books.
 */
import { $, el, fillBody, panelState } from "../dom.js";
import { clock, price, sig } from "../format.js";
import { detailOf, pushSignals } from "../store.js";

const COLS = 10;

/** Reads the latest signal values into the tail (called when details or a snapshot arrive). */
export function collectSignals(store) {
  const snap = store.snap;
  if (snap === null || store.replay !== null) return;
  const done = new Set();
  for (const m of snap.markets) {
    if (m.error !== null) continue;
    const d = detailOf(store, m.id);
    const pipes = Array.isArray(d?.engine?.pipelines) ? d.engine.pipelines : null;
    if (pipes === null) {
      pushSignals(store, { t: snap.ts, coin: m.id, source: "stream", ofi: null, mlofi: null, aggr: null, leadlag: null, alpha: m.alpha, micro: null, regime: null, tradable: m.tradable });
      continue;
    }
    store.signals = store.signals.filter((r) => !(r.source === "stream" && r.coin === m.id));
    for (const p of pipes) {
      const coin = String(p.coin);
      if (done.has(coin)) continue;
      done.add(coin);
      const val = (name) => {
        const r = Array.isArray(p.signals) ? p.signals.find((x) => x.name === name) : undefined;
        return r !== undefined && r.fresh === true && typeof r.value === "number" ? r.value : null;
      };
      const rg = p.regime ?? {};
      const regime = rg.extreme ? `EXTREME${rg.extremeReason ? ` (${rg.extremeReason})` : ""}` : `${rg.liquidity ?? "?"}, ${rg.vol ?? "?"} vol`;
      const micro = typeof p.market?.micro === "number" && Number.isFinite(p.market.micro) ? p.market.micro : null;
      pushSignals(store, { t: snap.ts, coin, source: "live", ofi: val("ofi"), mlofi: val("mlofi"), aggr: val("aggr"), leadlag: val("leadlag"), alpha: typeof p.alpha?.alpha === "number" ? p.alpha.alpha : null, micro, regime, tradable: p.tradable === true });
    }
  }
}

export function renderSignals(store) {
  const rows = (store.replay !== null ? store.replay.signalRows() : store.signals).map((r) =>
    el(
      "tr",
      store.replay !== null ? { class: "replay" } : {},
      el("td", {}, clock(r.t)),
      el("td", {}, r.coin),
      el("td", { class: "num" }, sig(r.ofi, 3)),
      el("td", { class: "num" }, sig(r.mlofi, 3)),
      el("td", { class: "num" }, sig(r.aggr, 3)),
      el("td", { class: "num" }, r.leadlag === null ? "–" : String(r.leadlag)),
      el("td", { class: "num" }, sig(r.alpha, 3)),
      el("td", { class: "num" }, price(r.micro)),
      el("td", {}, r.regime ?? "–"),
      el("td", { class: r.tradable ? "up" : "warn" }, r.tradable === null ? "–" : r.tradable ? "yes" : "no"),
    ),
  );
  fillBody($("signals-body"), rows, COLS, "waiting for signal values");
  const note = store.replay !== null ? "replay: OFI and micro-price computed from the capture's books" : store.signals.some((r) => r.source === "live") ? "newest first; a row whenever a value changes (times: server clock)" : "newest first; waiting for the markets' signal values";
  panelState("panel-signals", rows.length > 0, note);
}
