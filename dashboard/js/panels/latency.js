/**
 * Latency histogram per pipeline stage (one small bar chart each) and its quantiles, from the
 * server's histograms on the stream (no token); each market's own frame -> decision (every
 * decision, not only those that sent orders) is listed under the order stages.
 */
import { $, el, fillBody, panelState } from "../dom.js";
import { ms } from "../format.js";
import { bucketLabels, histQuantile, stageHistograms, STAGES, ZERO_NOTE } from "../latency.js";
import { react } from "../plot.js";

const ROW_PX = 165;
/** Plotly names its first axes x/y, then x2/y2, ... */
const ax = (i) => (i === 0 ? "" : String(i + 1));

function row(label, help, h, bounds, win) {
  const n = h?.n ?? 0;
  const count = win === null || win === undefined ? String(n) : `${n} (${win.n ?? 0} in 5 min)`;
  return el("tr", { title: `${help} · ${ZERO_NOTE}` }, el("td", {}, label), el("td", { class: "num" }, count), el("td", { class: "num" }, ms(histQuantile(h, 0.5, bounds))), el("td", { class: "num" }, ms(histQuantile(h, 0.9, bounds))), el("td", { class: "num" }, ms(histQuantile(h, 0.99, bounds))), el("td", { class: "num" }, ms(n > 0 ? h.maxMs : null)));
}

export function renderLatency(store, hasToken) {
  const hs = stageHistograms(store.snap, store.acks);
  const n = hs === null ? 0 : Math.max(0, ...STAGES.map((s) => hs.stages[s.key]?.n ?? 0));
  const rows = hs === null || n === 0 ? [] : STAGES.map((s) => row(s.label, s.help, hs.stages[s.key], hs.bounds, hs.windows?.[s.key]));
  for (const m of store.snap?.markets ?? []) {
    const d = m?.live?.latency?.stages?.decide;
    if (d !== undefined && d.total.n > 0) rows.push(row(`${m.id}: frame → decision`, "MarketDO: every decision a venue frame led to", d.total, m.live.latency.bounds, d.window));
  }
  fillBody($("latency-body"), rows, 6, hs === null && !hasToken ? "waiting for the server's stage histograms" : "no orders sent yet: stage times come with each order's answer");
  const from = hs?.source === "server" ? "the server's histograms since it started (counts: batches)" : "the last order batches in the audit log";
  panelState("panel-latency", n > 0, n > 0 ? `${from}, ms · ${ZERO_NOTE}` : "per order batch");
  if (n === 0) return;
  const div = $("latency-chart");
  const columns = div.clientWidth < 560 ? 1 : div.clientWidth < 900 ? 2 : 3;
  const rowsN = Math.ceil(STAGES.length / columns);
  const height = rowsN * ROW_PX;
  if (div.style.height !== `${height}px`) div.style.height = `${height}px`;
  const labels = bucketLabels(hs.bounds);
  const data = STAGES.map((s, i) => ({
    type: "bar",
    x: labels,
    y: hs.stages[s.key]?.counts ?? labels.map(() => 0),
    name: s.label,
    xaxis: `x${ax(i)}`,
    yaxis: `y${ax(i)}`,
    marker: { color: s.key === "total" ? "#d29922" : "#58a6ff" },
    hovertemplate: `${s.label}<br>%{x} ms: %{y} batches<br>${ZERO_NOTE}<extra></extra>`,
  }));
  const layout = {
    grid: { rows: rowsN, columns, pattern: "independent", xgap: 0.12, ygap: 0.5 },
    showlegend: false,
    height,
    margin: { l: 34, r: 8, t: 28, b: 26 },
    annotations: STAGES.map((s, i) => ({ text: `<b>${s.label}</b> · p50 ${ms(histQuantile(hs.stages[s.key], 0.5, hs.bounds))}`, xref: `x${ax(i)} domain`, yref: `y${ax(i)} domain`, x: 0, y: 1.04, xanchor: "left", yanchor: "bottom", showarrow: false, font: { size: 11 } })),
  };
  STAGES.forEach((_, i) => {
    layout[`xaxis${ax(i)}`] = { type: "category", ticksuffix: "", gridcolor: "#2a3441", tickfont: { size: 9 } };
    layout[`yaxis${ax(i)}`] = { gridcolor: "#2a3441", nticks: 3, tickformat: "d", title: { text: i % columns === 0 ? "batches" : "", font: { size: 10 } } };
  });
  react(div, data, layout);
}
