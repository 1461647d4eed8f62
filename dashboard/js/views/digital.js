/**
 * 3D view 3 (SPEC §14): the BTC up/down outcome's fair value P(YES) as a Black-Scholes
 * cash-or-nothing digital over (σ, S), with a slider that shrinks τ from the live time to expiry
 * towards zero (the surface turns into a step at the strike). The live point is (σ, S, P) now;
 * the outcome's own YES mid is marked beside it, so the parity edge is the gap between them.
 */
import { $, panelState, setText } from "../dom.js";
import { horizon, price, sig } from "../format.js";
import { parityParams, SECONDS_PER_YEAR } from "../inputs.js";
import { digitalSurface, digitalYes, linspace } from "../models.js";
import { react, SCENE_AXIS } from "../plot.js";
import { detailOf } from "../store.js";
import { outcomeEngines, parityInputs } from "../venues.js";

/** Fractions of the live τ the slider steps through. */
export const TAU_STEPS = [1, 0.5, 0.25, 0.1, 0.03, 0.01, 0.001];

export function currentDigitalInputs(store) {
  const live = parityInputs(store);
  if (live === null || store.replay === null) return live;
  const r = store.replay.digitalPoint();
  const missing = live.missing.filter((m) => m.startsWith("strike") || m.startsWith("τ"));
  if (r.S === null) missing.push("perp price in the capture");
  if (r.sigma === null) missing.push("σ (needs a few capture prices)");
  return { ...live, S: r.S, sigma: r.sigma, yesMid: r.yesMid, fair: null, source: `replay of ${store.replay.name}: S, σ and the YES mid from the capture; K and τ live`, missing, ready: missing.length === 0 };
}

export function renderDigital(store, step) {
  const x = currentDigitalInputs(store);
  const { parity } = outcomeEngines(store.snap);
  if (x === null || parity === null) {
    panelState("panel-digital", false, "no parity engine configured");
    setText("digital-values", "Configure the BTC up/down outcome with strategy parity to see its digital surface.");
    return;
  }
  if (!x.ready) {
    panelState("panel-digital", false, parity.id);
    setText("digital-values", `Waiting for: ${x.missing.join(", ")}${store.config === null ? " (the admin token unlocks the strategy's inputs)" : ""}.`);
    return;
  }
  const frac = TAU_STEPS[step] ?? 1;
  const tau = x.tauYears * frac;
  const width = Math.max(0.005, 3 * x.sigma * Math.sqrt(x.tauYears));
  const spots = linspace(x.K * (1 - width), x.K * (1 + width), 31);
  const sigmas = linspace(Math.max(0.01, x.sigma * 0.1), Math.max(1.5, 2 * x.sigma), 25);
  const z = digitalSurface(x.K, tau, sigmas, spots);
  const p = digitalYes(x.S, x.K, x.sigma, tau);
  const axisTitle = (t) => ({ ...SCENE_AXIS, title: { text: t } });
  const points = [
    { type: "scatter3d", name: "model now", mode: "markers", x: [x.sigma], y: [x.S], z: [p], marker: { size: 6, color: "#fbbf24", line: { color: "#ffffff", width: 1 } }, hovertemplate: "model: σ %{x:.3f}, S %{y:,.1f}<br>P(YES) %{z:.4f}<extra></extra>" },
  ];
  if (step === 0 && x.yesMid !== null) {
    points.push({ type: "scatter3d", name: "YES mid", mode: "markers", x: [x.sigma], y: [x.S], z: [x.yesMid], marker: { size: 6, color: "#58a6ff", symbol: "diamond" }, hovertemplate: "market YES mid %{z:.4f}<extra></extra>" });
  }
  const drew = react(
    $("digital-chart"),
    [{ type: "surface", name: "P(YES)", x: sigmas, y: spots, z, colorscale: "Viridis", cmin: 0, cmax: 1, showscale: false, opacity: 0.9, hovertemplate: "σ %{x:.3f}<br>S %{y:,.1f} USD<br>P(YES) %{z:.4f}<extra></extra>" }, ...points],
    {
      margin: { l: 0, r: 0, t: 0, b: 0 },
      showlegend: false,
      scene: { xaxis: axisTitle("σ (annualised)"), yaxis: axisTitle("S perp (USD)"), zaxis: { ...axisTitle("P(YES)"), range: [0, 1] }, camera: { eye: { x: 1.7, y: -1.4, z: 0.8 } } },
    },
  );
  const tauSecs = tau * SECONDS_PER_YEAR;
  setText("tau-label", step === 0 ? `live, ${horizon(tauSecs)}` : `${horizon(tauSecs)} (${frac} × live)`);
  panelState("panel-digital", drew, store.replay === null ? `${parity.id} · live` : `${parity.id} (replay)`);
  const minEdge = parityParams(store.config, parity.id, detailOf(store, parity.id)).minEdge;
  const edge = x.yesMid === null ? null : x.yesMid - p;
  setText(
    "digital-values",
    `Now: S ${price(x.S)} USD, K ${price(x.K)} USD, σ ${sig(x.sigma, 3)} (annualised), τ ${horizon(x.tauYears * SECONDS_PER_YEAR)} → P(YES) ${sig(p, 4)}${x.yesMid === null ? "" : `; YES mid ${price(x.yesMid)}, gap ${sig(edge, 3)}`}${minEdge === null ? "" : ` (parity trades past ±${minEdge})`}. Yellow: model, blue: market. Source: ${x.source}.`,
  );
}
