/**
 * Plotly, served from /vendor (scripts/vendor-assets.mjs), with the page's colours. Every call
 * goes through `react` so a missing Plotly or a failed draw shows a sentence in the chart's box
 * instead of an error; `uirevision` keeps the camera and zoom a person chose across updates.
 */

export const THEME = {
  paper_bgcolor: "rgba(0,0,0,0)",
  plot_bgcolor: "rgba(0,0,0,0)",
  font: { color: "#e6edf3", size: 11 },
  margin: { l: 50, r: 12, t: 10, b: 38 },
};

export const SCENE_AXIS = { gridcolor: "#2a3441", zerolinecolor: "#3b4756", backgroundcolor: "rgba(0,0,0,0)", showbackground: false, color: "#c9d1d9" };

const CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["toImage", "sendDataToCloud"] };

export function plotly() {
  return typeof window.Plotly === "object" && window.Plotly !== null ? window.Plotly : null;
}

/** Draws or updates a chart; returns whether Plotly drew it. */
export function react(div, data, layout) {
  const P = plotly();
  if (P === null) {
    if (div.dataset.missing !== "1") {
      div.dataset.missing = "1";
      div.textContent = "Plotly is not available at /vendor/plotly.min.js (run npm run vendor).";
    }
    return false;
  }
  if (div.dataset.missing === "1") {
    div.dataset.missing = "";
    div.textContent = "";
  }
  try {
    Promise.resolve(P.react(div, data, { ...THEME, ...layout, uirevision: div.id }, CONFIG)).catch((e) => {
      div.dataset.error = e instanceof Error ? e.message : String(e);
    });
    return true;
  } catch (e) {
    div.dataset.error = e instanceof Error ? e.message : String(e);
    return false;
  }
}
