/**
 * 3D view 2 (SPEC §14): the cross-venue inefficiency surface, venue × lookback × |YES − mean|,
 * with the arbitrage trigger (min edge) as a plane. Only venues with prices are drawn; the view
 * says which are live and which are not connected.
 */
import { $, panelState, setText } from "../dom.js";
import { sig } from "../format.js";
import { arbMinEdge } from "../inputs.js";
import { inefficiency } from "../models.js";
import { react, SCENE_AXIS } from "../plot.js";
import { serverNow } from "../store.js";
import { VENUES } from "../venues.js";

export const LOOKBACKS_S = [1, 5, 15, 30, 60, 120, 300];

export function renderInefficiency(store) {
  const src = store.replay !== null ? store.replay.venues : store.venues;
  const now = store.replay !== null ? store.replay.now() : serverNow(store);
  const present = VENUES.filter((v) => (src[v.key]?.length ?? 0) > 0);
  const absent = VENUES.filter((v) => !present.includes(v));
  const liveWord = store.replay !== null ? "in the capture" : "live";
  const listing = `${liveWord}: ${present.map((v) => v.label).join(", ") || "none yet"}; not carried: ${absent.map((v) => v.label).join(", ") || "none"}.`;
  if (present.length < 2) {
    panelState("panel-ineff", false, "needs two venues");
    setText("ineff-values", `Venues ${listing} A gap needs at least two prices of the same outcome${store.replay === null ? " (the digital pseudo-venue needs the admin token)" : ""}.`);
    return;
  }
  const lookMs = LOOKBACKS_S.map((s) => s * 1000);
  const z = inefficiency(present.map((v) => src[v.key]), lookMs, now);
  const xs = present.map((_, i) => i);
  const trigger = arbMinEdge(store.config);
  const axisTitle = (t) => ({ ...SCENE_AXIS, title: { text: t } });
  const data = [
    { type: "surface", name: "|YES − mean|", x: xs, y: LOOKBACKS_S, z, colorscale: "YlOrRd", showscale: false, opacity: 0.9, hovertemplate: "%{y} s lookback<br>|YES − mean| %{z:.4f}<extra></extra>" },
    {
      type: "scatter3d",
      name: "now",
      mode: "markers",
      x: xs,
      y: xs.map(() => LOOKBACKS_S[0]),
      z: z[0],
      marker: { size: 5, color: "#ffffff" },
      text: present.map((v) => `${v.label} (${v.help})`),
      hovertemplate: "%{text}<br>now (1 s): %{z:.4f}<extra></extra>",
    },
  ];
  if (trigger !== null) {
    data.push({ type: "surface", name: "arb trigger", x: [xs[0], xs[xs.length - 1]], y: [LOOKBACKS_S[0], LOOKBACKS_S[LOOKBACKS_S.length - 1]], z: [[trigger, trigger], [trigger, trigger]], colorscale: [[0, "#ef4444"], [1, "#ef4444"]], showscale: false, opacity: 0.35, hovertemplate: `arb trigger ${trigger}<extra></extra>` });
  }
  // A flat surface makes Plotly pad the axis below zero; a distance is never negative.
  const top = Math.max(trigger ?? 0, ...z.flat().filter((v) => v !== null));
  const drew = react($("ineff-chart"), data, {
    margin: { l: 0, r: 0, t: 0, b: 0 },
    showlegend: false,
    scene: {
      xaxis: { ...axisTitle("venue"), tickvals: xs, ticktext: present.map((v) => v.short) },
      yaxis: { ...axisTitle("lookback (s)"), type: "log", tickvals: LOOKBACKS_S, ticktext: LOOKBACKS_S.map(String) },
      zaxis: { ...axisTitle("|YES − mean| (probability)"), range: [0, top > 0 ? top * 1.15 : 0.01] },
      camera: { eye: { x: -1.5, y: -1.8, z: 0.8 } },
    },
  });
  panelState("panel-ineff", drew, store.replay !== null ? "replay" : "live");
  const nowVals = present.map((v, i) => `${v.label} ${sig(z[0][i], 3)}`).join(", ");
  const prices = present.map((v) => src[v.key].meanOver(now, LOOKBACKS_S[0] * 1000));
  const known = prices.filter((p) => p !== null);
  const gap = known.length >= 2 ? Math.max(...known) - Math.min(...known) : null;
  setText("ineff-values", `Venues ${listing} Distance from the mean now (1 s): ${nowVals}; widest gap between venues ${sig(gap, 3)}. Red plane: arb trigger min_edge_bps ${trigger === null ? "(config needs the admin token)" : `${trigger * 10_000} = ${trigger} in price`}.`);
}
