/**
 * The PnL line: the account's total PnL (realised + unrealised − fees) from each snapshot since
 * the page opened. The stream carries the current value only, so the history starts with the
 * page; the x axis is the server's clock.
 */
import { $, panelState } from "../dom.js";
import { clock } from "../format.js";
import { react } from "../plot.js";

export function renderPnl(store) {
  const s = store.pnl;
  const live = s.length > 0;
  panelState("panel-pnl", live, live ? `USD, since this page opened at ${clock(store.openedAt)} (the stream has no history)` : "waiting for the account");
  if (!live) return;
  const last = s.last();
  react(
    $("pnl-chart"),
    [
      {
        type: "scatter",
        mode: "lines",
        x: s.t.map((t) => new Date(t)),
        y: s.v,
        line: { color: last !== null && last.v < 0 ? "#f85149" : "#3fb950", width: 2, shape: "hv" },
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
