/**
 * Top of book for every instrument any engine reads, on every venue the bot is connected to.
 * Best levels, mid and spread come from each market's live view on the stream (no token), or
 * its admin snapshot when the token fetched one; our quotes and the feed state from the stream.
 * During a replay the rows are the capture's books, marked as such.
 */
import { $, el, fillBody, panelState } from "../dom.js";
import { age, DASH, num, price, sig } from "../format.js";
import { coinOf, instrumentLabel, strategyName, venueName } from "../labels.js";
import { lotSize, tickPrice } from "../scales.js";
import { detailOf } from "../store.js";

const COLS = 11;

export function renderBooks(store, scales) {
  const snap = store.snap;
  const body = $("books-body");
  if (store.replay !== null) {
    const rows = store.replay.bookRows().map((b) =>
      el("tr", { class: "replay" }, el("td", {}, "Hyperliquid"), el("td", {}, `${b.coin} (capture)`), el("td", { class: "num" }, b.bidSz ?? DASH), el("td", { class: "num" }, price(b.bid)), el("td", { class: "num" }, price(b.ask)), el("td", { class: "num" }, b.askSz ?? DASH), el("td", { class: "num" }, price(b.mid)), el("td", { class: "num" }, sig(b.spreadBps, 3)), el("td", {}, "replay: none"), el("td", {}, "replay"), el("td", { class: "num" }, b.source)),
    );
    fillBody(body, rows, COLS, "the capture has no books or mids yet at this point");
    panelState("panel-books", rows.length > 0, "replaying a capture: prices from its records, not the live bot");
    return;
  }
  if (snap === null) {
    fillBody(body, [], COLS, "waiting for the stream");
    panelState("panel-books", false);
    return;
  }
  const rows = [];
  const seen = new Set();
  const venues = new Set();
  let withLevels = 0;
  for (const m of snap.markets) {
    if (m.error !== null) continue;
    const venuePrefix = m.market.slice(0, 3);
    const detail = detailOf(store, m.id);
    const pipes = Array.isArray(detail?.engine?.pipelines) ? detail.engine.pipelines : [];
    const coins = pipes.length > 0 ? pipes.map((p) => ({ coin: String(p.coin), pipe: p })) : (m.feed.coins.length > 0 ? m.feed.coins : [coinOf(m.market)]).map((coin) => ({ coin, pipe: null }));
    for (const { coin, pipe } of coins) {
      const market = venuePrefix + coin;
      if (seen.has(market)) continue;
      seen.add(market);
      venues.add(venueName(market));
      const readers = snap.markets.filter((x) => x.error === null && (x.market === market || x.feed.coins.includes(coin))).map((x) => `${x.id} (${strategyName(x.strategy)})`);
      const quotes = snap.markets.flatMap((x) => (x.error === null ? x.quotes.filter((q) => q.market === market) : []));
      const bid = pipe?.book?.bids?.[0] ?? null;
      const ask = pipe?.book?.asks?.[0] ?? null;
      const view = pipe?.market ?? null;
      const mid = num(view?.mid) ?? (m.market === market ? m.mid : null);
      if (bid !== null || ask !== null) withLevels++;
      const feed = m.feed;
      const feedText = !m.enabled ? "disabled" : feed.phase !== "up" ? feed.phase : feed.synced ? "up" : "Resyncing";
      const lastAge = feed.lastFrameAt === null ? null : snap.ts - feed.lastFrameAt;
      rows.push(
        el(
          "tr",
          {},
          el("td", {}, venueName(market)),
          el("td", { title: `read by ${readers.join(", ")}` }, `${instrumentLabel(snap, market)}`),
          el("td", { class: "num" }, bid?.sz ?? DASH),
          el("td", { class: "num up" }, bid?.px ?? DASH),
          el("td", { class: "num down" }, ask?.px ?? DASH),
          el("td", { class: "num" }, ask?.sz ?? DASH),
          el("td", { class: "num" }, price(mid)),
          el("td", { class: "num" }, sig(view?.spreadBps, 3)),
          el("td", {}, quotes.length === 0 ? "none" : quotes.map((q) => `${q.side} ${lotSize(scales, market, q.sz)} @ ${tickPrice(scales, market, q.px)}`).join(", ")),
          el("td", { class: feedText === "up" ? "up" : "warn" }, feedText),
          el("td", { class: "num" }, age(lastAge)),
        ),
      );
    }
  }
  fillBody(body, rows, COLS, "no markets configured (POST /admin/markets)");
  const others = ["Polymarket", "Kalshi"].filter((v) => !venues.has(v));
  const note = `${[...venues].join(", ") || "no venue"}${others.length > 0 ? ` · ${others.join(" and ")} not connected in this deployment` : ""}${withLevels === 0 && rows.length > 0 ? " · no book levels yet" : ""}`;
  panelState("panel-books", rows.length > 0 && (withLevels > 0 || rows.some((r) => r.children[6]?.textContent !== DASH)), note);
}
