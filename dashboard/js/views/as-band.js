/**
 * 3D view 1 (SPEC §14): the Avellaneda-Stoikov quote band over (σ, q). Bid and ask surfaces
 * from the paper's formula with the live s, γ, κ and T−t; the live σ and q marked on both.
 * Inventory is drawn in shares (YES − NO held) and divided by the order size for the formula,
 * as the quoter counts it (one fill = one unit).
 */
import { $, panelState, setText } from "../dom.js";
import { horizon, price, sig } from "../format.js";
import { asInputs } from "../inputs.js";
import { asBand, asQuote, linspace } from "../models.js";
import { react, SCENE_AXIS } from "../plot.js";
import { detailOf, serverNow } from "../store.js";
import { outcomeEngines } from "../venues.js";

/** The live inputs, or the replay's (its σ and mid; no inventory in a capture). */
export function currentAsInputs(store) {
  const { mm, parity } = outcomeEngines(store.snap);
  if (mm === null) return null;
  const detail = detailOf(store, mm.id);
  const anchor = store.anchors[mm.id] ?? (parity === null ? null : (store.anchors[parity.id] ?? null));
  const live = asInputs({ snap: store.snap, detail, config: store.config, anchor, id: mm.id, serverNow: serverNow(store) });
  if (store.replay === null) return { ...live, label: mm.id };
  const r = store.replay.asPoint();
  const missing = [...live.missing.filter((m) => m.startsWith("T−t") || m.startsWith("γ"))];
  if (r.s === null) missing.push("YES mid in the capture");
  if (r.sigma === null) missing.push("σ (needs a few capture prices)");
  return { ...live, s: r.s, sigma: r.sigma, q: 0, source: `replay of ${store.replay.name}: σ and s from the capture, no inventory (q = 0), γ κ T−t live`, missing, ready: missing.length === 0 && live.orderSize !== null, label: `${mm.id} (replay)` };
}

export function renderAsBand(store) {
  const x = currentAsInputs(store);
  if (x === null) {
    panelState("panel-as", false, "no market-making engine configured");
    setText("as-values", "Configure an outcome market with strategy mm to see its quote band.");
    return;
  }
  if (!x.ready) {
    panelState("panel-as", false, x.label);
    setText("as-values", `Waiting for: ${x.missing.join(", ")}.`);
    return;
  }
  // The inventory axis covers ±max_inventory and the live q (other engines' fills count too).
  const Q = Math.max(x.maxInventory ?? 500, Math.ceil(Math.abs(x.q) * 1.1));
  const sigmaMax = Math.max(3 * x.sigma, 1e-6);
  const sigmas = linspace(0, sigmaMax, 25);
  const qShares = linspace(-Q, Q, 21);
  const band = asBand({ s: x.s, tau: x.tau, gamma: x.gamma, kappa: x.kappa }, sigmas, qShares.map((q) => q / x.orderSize));
  const now = asQuote(x.s, x.q / x.orderSize, x.sigma, x.tau, x.gamma, x.kappa);
  // The tradable range 0–1, widened only as far as needed to keep the live point in view.
  const zRange = [Math.min(0, now.bid - 0.05), Math.max(1, now.ask + 0.05)];
  const axisTitle = (t) => ({ ...SCENE_AXIS, title: { text: t } });
  const hover = "σ %{x:.3e}/√s<br>q %{y:.0f} sh<br>%{z:.4f}<extra>%{fullData.name}</extra>";
  const drew = react(
    $("as-chart"),
    [
      { type: "surface", name: "ask", x: sigmas, y: qShares, z: band.ask, colorscale: [[0, "#7f1d1d"], [1, "#f87171"]], showscale: false, opacity: 0.85, hovertemplate: hover },
      { type: "surface", name: "bid", x: sigmas, y: qShares, z: band.bid, colorscale: [[0, "#14532d"], [1, "#4ade80"]], showscale: false, opacity: 0.85, hovertemplate: hover },
      {
        type: "scatter3d",
        name: "now",
        mode: "markers+lines",
        x: [x.sigma, x.sigma],
        y: [x.q, x.q],
        z: [now.bid, now.ask],
        marker: { size: 7, color: ["#4ade80", "#f87171"], line: { color: "#ffffff", width: 2 } },
        line: { color: "#ffffff", width: 4 },
        hovertemplate: "now: σ %{x:.3e}/√s, q %{y:.0f} sh<br>%{z:.4f}<extra></extra>",
      },
    ],
    {
      margin: { l: 0, r: 0, t: 0, b: 0 },
      showlegend: false,
      scene: { xaxis: axisTitle("σ (price per √s)"), yaxis: axisTitle("inventory q (shares)"), zaxis: { ...axisTitle("quote (probability)"), range: zRange }, camera: { eye: { x: 1.6, y: -1.6, z: 0.9 } } },
    },
  );
  panelState("panel-as", drew, store.replay === null ? `${x.label} · live` : `${x.label}`);
  setText(
    "as-values",
    `Now: bid ${price(now.bid)} / ask ${price(now.ask)} (reservation ${price(now.reservation)}, half-spread ${sig(now.halfSpread, 3)}) at s ${price(x.s)}, σ ${sig(x.sigma, 3)}/√s, q ${Math.round(x.q)} sh (order size ${x.orderSize}), γ ${x.gamma}, κ ${x.kappa}, T−t ${horizon(x.tau)}. Source: ${x.source}. Green: bid surface, red: ask. These are the formula's raw prices (the axis shows the tradable range 0–1 and the live point); the quoter then keeps them inside [tick, 1 − tick] and behind the touch, and switches to the bounded-inventory GLFT solution near ±max inventory.`,
  );
}
