/**
 * The PnL line: the account's total PnL (realised + unrealised − fees). With the admin token it
 * starts from the RiskDO's sampled history (GET /admin/pnl, the last 24 h, a point every 10 s
 * while it changes) and continues with the stream; without it, from the stream since the page
 * opened. The x axis is the server's clock.
 */
import { $, panelState } from "../dom.js";
import { clock } from "../format.js";
import { react } from "../plot.js";

/** { t: number[], v: number[], from: "history" | "stream" }: history points, then stream points after the last one. */
export function pnlLine(store) {
  const h = store.pnlHistory?.series ?? [];
  const t = [];
  const v = [];
  for (const p of h) {
    if (typeof p?.ts === "number" && typeof p?.pnlUsd === "number") {
      t.push(p.ts);
      v.push(p.pnlUsd);
    }
  }
  const after = t.length > 0 ? t[t.length - 1] : -Infinity;
  const s = store.pnl;
  for (let i = 0; i < s.t.length; i++) {
    if (s.t[i] > after) {
      t.push(s.t[i]);
      v.push(s.v[i]);
    }
  }
  return { t, v, from: h.length > 0 ? "history" : "stream" };
}

export function renderPnl(store) {
  const line = pnlLine(store);
  const live = line.t.length > 0;
  const note = line.from === "history" ? `USD, from the RiskDO's history (${clock(line.t[0])}) and the stream` : `USD, since this page opened at ${clock(store.openedAt)} (the history needs the admin token)`;
  panelState("panel-pnl", live, live ? note : "waiting for the account");
  if (!live) return;
  const lastV = line.v[line.v.length - 1];
  react(
    $("pnl-chart"),
    [
      {
        type: "scatter",
        mode: "lines",
        x: line.t.map((t) => new Date(t)),
        y: line.v,
        line: { color: lastV < 0 ? "#f85149" : "#3fb950", width: 2, shape: "hv" },
        hovertemplate: "%{x|%H:%M:%S}<br>PnL %{y:$,.2f}<extra></extra>",
        name: "PnL",
      },
    ],
    {
      xaxis: { type: "date", title: { text: "time (local)" }, gridcolor: "#2a3441" },
      yaxis: { title: { text: "PnL (USD)" }, tickprefix: "$", gridcolor: "#2a3441", zerolinecolor: "#8b98a5" },
      showlegend: false,
    },
  );
}
