/** The engines the bot runs (one MarketDO each), from the stream: strategy, tradability, activity. */
import { $, el, fillBody, panelState } from "../dom.js";
import { DASH, price, sig } from "../format.js";
import { instrumentLabel, strategyName } from "../labels.js";

export function renderEngines(store) {
  const snap = store.snap;
  if (snap === null) {
    fillBody($("engines-body"), [], 9, "waiting for the stream");
    panelState("panel-engines", false);
    return;
  }
  const rows = snap.markets.map((m) => {
    if (m.error !== null) return el("tr", {}, el("td", {}, m.id), el("td", { colspan: 8, class: "down" }, `MarketDO not answering: ${m.error}`));
    const problem = m.submits.lastError ?? (m.feed.synced ? null : m.feed.lastResyncReason);
    return el(
      "tr",
      {},
      el("td", {}, m.id),
      el("td", {}, strategyName(m.strategy)),
      el("td", {}, instrumentLabel(snap, m.market)),
      el("td", { class: !m.enabled ? "muted" : m.tradable ? "up" : "warn" }, !m.enabled ? "disabled" : m.tradable ? "yes" : "no"),
      el("td", { class: "num" }, price(m.fair)),
      el("td", { class: "num" }, sig(m.alpha, 3)),
      el("td", { class: "num" }, String(m.decisions ?? DASH)),
      el("td", { class: "num" }, `${m.submits.sent ?? 0} / ${m.submits.failed ?? 0} / ${m.submits.superseded ?? 0}`),
      el("td", { class: problem === null ? "muted" : "warn" }, problem ?? "none"),
    );
  });
  fillBody($("engines-body"), rows, 9, "no markets configured (POST /admin/markets with the admin token)");
  panelState("panel-engines", rows.length > 0);
}
