/**
 * The dashboard (SPEC §14): wires the stream, the admin client and poller, the replay and the
 * panels. Tables and the KPI strip render on every snapshot (4 Hz); the 2D and 3D charts at most
 * every two seconds (a 3D redraw is heavy, and the surfaces move slowly), at once when the τ
 * slider moves. Every render is guarded, so one panel's failure cannot blank the others or reach
 * the console.
 */
import { AdminClient } from "./admin.js";
import { $ } from "./dom.js";
import { renderBooks } from "./panels/books.js";
import { bindControls, renderRisk } from "./panels/controls.js";
import { renderDecisions } from "./panels/decisions.js";
import { renderEngines } from "./panels/engines.js";
import { renderHeader, renderStale } from "./panels/header.js";
import { renderKpis } from "./panels/kpi.js";
import { renderLatency } from "./panels/latency.js";
import { renderPnl } from "./panels/pnl.js";
import { ReplayPanel } from "./panels/replay.js";
import { collectSignals, renderSignals } from "./panels/signals.js";
import { Poller } from "./poller.js";
import { learnScales } from "./scales.js";
import { createStore, detailsById, forgetAdminData, takeSnapshot } from "./store.js";
import { StreamClient } from "./stream.js";
import { collectVenues } from "./venues.js";
import { renderAsBand } from "./views/as-band.js";
import { renderDigital } from "./views/digital.js";
import { renderInefficiency } from "./views/inefficiency.js";

const CHART_EVERY_MS = 2_000;

const store = createStore();
const admin = new AdminClient();
let scales = { px: {}, sz: {} };
let chartsAt = 0;
const failures = {};

/** Runs one panel's render; a failure is kept on the page (data-render-error), not thrown. */
function guard(name, f) {
  try {
    f();
    if (failures[name] !== undefined) delete failures[name];
  } catch (e) {
    failures[name] = e instanceof Error ? e.message : String(e);
  }
  document.body.dataset.renderErrors = Object.entries(failures)
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ");
}

function renderTables() {
  guard("header", () => renderHeader(store, stream, admin));
  guard("stale", () => renderStale(store, stream));
  guard("kpi", () => renderKpis(store));
  guard("risk", () => renderRisk(store));
  guard("engines", () => renderEngines(store));
  guard("books", () => renderBooks(store, scales));
  guard("signals", () => renderSignals(store));
  guard("decisions", () => renderDecisions(store, scales, admin.usable));
}

const CHART_PANELS = ["panel-pnl", "panel-latency", "panel-as", "panel-ineff", "panel-digital"];
/** For a while after the page opens or the token changes, charts that have not drawn yet try on every update. */
let warmUntil = Date.now() + 15_000;

function renderCharts(force = false) {
  const now = Date.now();
  const waiting = now < warmUntil && CHART_PANELS.some((id) => $(id).dataset.state !== "live");
  if (!force && !waiting && now - chartsAt < CHART_EVERY_MS) return;
  chartsAt = now;
  guard("pnl", () => renderPnl(store));
  guard("latency", () => renderLatency(store, admin.usable));
  guard("as", () => renderAsBand(store));
  guard("ineff", () => renderInefficiency(store));
  guard("digital", () => renderDigital(store, Number($("tau-slider").value)));
}

function onSnapshot(snap, recvAt) {
  takeSnapshot(store, snap, recvAt);
  scales = learnScales(snap, detailsById(store), store.riskTail, scales);
  guard("collect", () => {
    collectVenues(store);
    collectSignals(store);
  });
  renderTables();
  renderCharts();
  const raw = $("raw");
  if (raw.parentElement?.open === true) raw.textContent = JSON.stringify(snap, null, 2);
}

const proto = location.protocol === "https:" ? "wss" : "ws";
const stream = new StreamClient(`${proto}://${location.host}/stream`, onSnapshot, () => guard("header", () => renderHeader(store, stream, admin)));
stream.open();

new Poller(store, admin, (task) => {
  if (task === "details") guard("collect", () => collectSignals(store));
  scales = learnScales(store.snap, detailsById(store), store.riskTail, scales);
  renderTables();
  renderCharts();
});

const replay = new ReplayPanel(store, admin, () => {
  renderTables();
  renderCharts();
});

bindControls(admin, () => $("token-input").focus());

$("token-form").addEventListener("submit", (e) => {
  e.preventDefault();
  admin.setToken($("token-input").value);
  $("token-input").value = "";
});
$("token-forget").addEventListener("click", () => {
  admin.setToken("");
  replay.stop(null);
  forgetAdminData(store);
  renderTables();
  renderCharts(true);
});
admin.onChange(() => {
  warmUntil = Date.now() + 15_000;
  renderTables();
});
$("tau-slider").addEventListener("input", () => guard("digital", () => renderDigital(store, Number($("tau-slider").value))));

// Ages and the stale banner move with the clock even when nothing arrives.
setInterval(() => {
  guard("header", () => renderHeader(store, stream, admin));
  guard("stale", () => renderStale(store, stream));
}, 1_000);
renderTables();
