/** Latency histogram per pipeline stage (one small histogram each) and its quantiles. */
import { $, el, fillBody, panelState } from "../dom.js";
import { ms } from "../format.js";
import { quantile, stageDurations, STAGES } from "../latency.js";
import { react } from "../plot.js";

const ROW_PX = 165;
/** Plotly names its first axes x/y, then x2/y2, ... */
const ax = (i) => (i === 0 ? "" : String(i + 1));

export function renderLatency(store, hasToken) {
  const d = stageDurations(store.acks);
  const n = Math.max(0, ...STAGES.map((s) => d[s.key].length));
  fillBody(
    $("latency-body"),
    n === 0
      ? []
      : STAGES.map((s) => {
          const v = d[s.key];
          return el("tr", { title: s.help }, el("td", {}, s.label), el("td", { class: "num" }, String(v.length)), el("td", { class: "num" }, ms(quantile(v, 0.5))), el("td", { class: "num" }, ms(quantile(v, 0.9))), el("td", { class: "num" }, ms(quantile(v, 0.99))), el("td", { class: "num" }, ms(quantile(v, 1))));
        }),
    6,
    hasToken ? "no orders sent yet: stage times come with each order's answer" : "enter the admin token to read the order records",
  );
  panelState("panel-latency", n > 0, n > 0 ? `last ${n} order batches, ms · workerd's clock only moves across I/O, so a stage without I/O reads 0 ms` : "per order batch, from the audit log");
  if (n === 0) return;
  const div = $("latency-chart");
  const columns = div.clientWidth < 560 ? 1 : div.clientWidth < 900 ? 2 : 3;
  const rows = Math.ceil(STAGES.length / columns);
  const height = rows * ROW_PX;
  if (div.style.height !== `${height}px`) div.style.height = `${height}px`;
  const data = STAGES.map((s, i) => ({
    type: "histogram",
    x: d[s.key],
    name: s.label,
    xaxis: `x${ax(i)}`,
    yaxis: `y${ax(i)}`,
    marker: { color: s.key === "total" ? "#d29922" : "#58a6ff" },
    nbinsx: 25,
    hovertemplate: `${s.label}<br>%{x} ms: %{y} batches<extra></extra>`,
  }));
  const layout = {
    grid: { rows, columns, pattern: "independent", xgap: 0.12, ygap: 0.5 },
    showlegend: false,
    height,
    margin: { l: 34, r: 8, t: 28, b: 26 },
    annotations: STAGES.map((s, i) => ({ text: `<b>${s.label}</b> · p50 ${ms(quantile(d[s.key], 0.5))}`, xref: `x${ax(i)} domain`, yref: `y${ax(i)} domain`, x: 0, y: 1.04, xanchor: "left", yanchor: "bottom", showarrow: false, font: { size: 11 } })),
  };
  STAGES.forEach((_, i) => {
    layout[`xaxis${ax(i)}`] = { ticksuffix: " ms", gridcolor: "#2a3441", rangemode: "tozero" };
    layout[`yaxis${ax(i)}`] = { gridcolor: "#2a3441", nticks: 3, tickformat: "d", title: { text: i % columns === 0 ? "batches" : "", font: { size: 10 } } };
  });
  react(div, data, layout);
}
