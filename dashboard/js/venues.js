/**
 * The YES price of the traded outcome as each "venue" shows it, kept as series for the
 * cross-venue inefficiency view. Live here: Hyperliquid's YES book (the market maker's mid), the
 * NO book as 1 − NO when an engine reads it, and the BTC-perp digital's P(YES) as a labelled
 * pseudo-venue (the parity engine's fair value, or the same formula on its inputs when the
 * strategy did not run). Polymarket and Kalshi legs appear when an engine carries them.
 */
import { num } from "./format.js";
import { digitalInputs, outcomeLegs, pipeline } from "./inputs.js";
import { digitalYes } from "./models.js";
import { detailOf, serverNow, venueSeries } from "./store.js";

export const VENUES = [
  { key: "hl-yes", label: "Hyperliquid YES", short: "HL YES", help: "mid of the YES book" },
  { key: "hl-no", label: "Hyperliquid 1 − NO", short: "HL 1−NO", help: "1 − mid of the NO book" },
  { key: "pm-yes", label: "Polymarket YES", short: "PM YES", help: "mid of the linked Polymarket token" },
  { key: "ks-yes", label: "Kalshi YES", short: "KS YES", help: "mid of the linked Kalshi market" },
  { key: "model", label: "BTC digital P(YES)", short: "BTC model", help: "pseudo-venue: Black-Scholes digital on the BTC perp" },
];

/** The outcome engines: the market maker (YES book) and the parity engine (digital model). */
export function outcomeEngines(snap) {
  const ms = (snap?.markets ?? []).filter((m) => m.error === null);
  const mm = ms.find((m) => m.strategy === "mm" || m.strategy === "fixed") ?? null;
  const parity = ms.find((m) => m.strategy === "parity") ?? null;
  const perpCoin = parity === null ? null : (parity.feed.coins.find((c) => !c.startsWith("#")) ?? null);
  return { mm, parity, perpCoin };
}

/** Model inputs of the parity engine (for this view and the digital surface). */
export function parityInputs(store) {
  const { parity, perpCoin } = outcomeEngines(store.snap);
  if (parity === null || perpCoin === null) return null;
  const detail = detailOf(store, parity.id);
  return digitalInputs({ snap: store.snap, detail, anchor: store.anchors[parity.id] ?? null, id: parity.id, perpCoin, serverNow: serverNow(store) });
}

export function collectVenues(store) {
  const snap = store.snap;
  if (snap === null || store.replay !== null) return;
  const t = snap.ts;
  const { mm, parity } = outcomeEngines(snap);
  const anyOutcome = mm ?? parity;
  if (anyOutcome !== null && anyOutcome.mid !== null) venueSeries(store, "hl-yes").push(t, anyOutcome.mid);
  const legs = anyOutcome === null ? null : outcomeLegs(snap, anyOutcome.id);
  if (legs !== null) {
    for (const m of snap.markets) {
      const no = pipeline(detailOf(store, m.id), legs.no.replace(/^[a-z]{2}:/, ""));
      const mid = num(no?.market?.mid);
      if (mid !== null) {
        venueSeries(store, "hl-no").push(t, 1 - mid);
        break;
      }
    }
  }
  if (parity !== null) {
    let fair = parity.fair;
    if (fair === null) {
      const x = parityInputs(store);
      if (x !== null && x.ready) fair = digitalYes(x.S, x.K, x.sigma, x.tauYears);
    }
    if (fair !== null) venueSeries(store, "model").push(t, fair);
  }
}
