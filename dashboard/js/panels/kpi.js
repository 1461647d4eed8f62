/** The KPI strip: the account as the RiskDO sees it, every figure with its unit. */
import { $, panelState, setText } from "../dom.js";
import { DASH, num, pct, usd } from "../format.js";
import { instrumentLabel, sizeUnit } from "../labels.js";

const STATE_CLASS = { ACTIVE: "kpi-value up", REDUCING: "kpi-value warn", HALTED: "kpi-value down" };

export function renderKpis(store) {
  const snap = store.snap;
  const r = snap?.risk ?? null;
  const a = r?.account ?? null;
  const limits = store.config?.risk ?? null;
  if (r === null) {
    setText("kpi-risk", snap === null ? DASH : "unknown", "kpi-value warn");
    setText("kpi-risk-sub", snap === null ? "no snapshot yet" : "RiskDO not answering");
    panelState("panel-kpi", false);
    return;
  }
  const triggers = a?.triggers ?? [];
  // ACTIVE with triggers: the account trades, but not where a trigger holds (e.g. a stale feed).
  const cls = r.state === "ACTIVE" && triggers.length > 0 ? "kpi-value warn" : (STATE_CLASS[r.state] ?? "kpi-value warn");
  setText("kpi-risk", r.state, cls);
  const why = a?.killed ? `kill switch: ${a.killReason ?? "set"}` : !r.ready ? `not ready (${r.phase})` : triggers.length > 0 ? `held by ${triggerSummary(triggers)}` : "trading allowed";
  setText("kpi-risk-sub", why);
  if (a === null) {
    panelState("panel-kpi", false);
    return;
  }
  setText("kpi-equity", usd(a.equityUsd));
  setText("kpi-equity-sub", `USD · peak ${usd(a.equityPeakUsd)}`);
  const total = a.pnl.totalUsd;
  setText("kpi-pnl", usd(total, true), total === null ? "kpi-value" : total >= 0 ? "kpi-value up" : "kpi-value down");
  setText("kpi-pnl-sub", `USD · realised ${usd(a.pnl.realisedUsd, true)} · unrealised ${usd(a.pnl.unrealisedUsd, true)} · fees ${usd(a.pnl.feesUsd)}`);
  const today = num(r.pnlTodayUsd);
  setText("kpi-today", usd(today, true), today === null ? "kpi-value" : today >= 0 ? "kpi-value up" : "kpi-value down");
  const open = num(r.pnlDay?.equityUsd);
  setText("kpi-today-sub", open === null ? "USD since 00:00 UTC (not known yet)" : `USD · equity at 00:00 UTC ${usd(open)}${r.pnlDay?.source === "first" ? " (first seen today)" : ""}`);
  const maxDd = num(limits?.max_drawdown_usd);
  setText("kpi-dd", usd(a.drawdownUsd), maxDd !== null && (a.drawdownUsd ?? 0) > 0.5 * maxDd ? "kpi-value warn" : "kpi-value");
  setText("kpi-dd-sub", maxDd === null ? "USD below the equity peak" : `USD · kill at ${usd(maxDd)} (${pct((a.drawdownUsd ?? 0) / maxDd)} used)`);
  const maxGross = num(limits?.max_gross_notional_usd);
  setText("kpi-gross", usd(a.grossNotionalUsd), maxGross !== null && (a.grossNotionalUsd ?? 0) >= 0.8 * maxGross ? "kpi-value warn" : "kpi-value");
  setText("kpi-gross-sub", maxGross === null ? "USD, worst case" : `USD · limit ${usd(maxGross)} (${pct((a.grossNotionalUsd ?? 0) / maxGross)})`);
  const held = a.positions.filter((p) => (p.lots ?? 0) !== 0);
  const inv = $("kpi-inv");
  const text = held.length === 0 ? "flat (no positions)" : held.map((p) => `${instrumentLabel(snap, p.market)}: ${signed(p.qty ?? String(p.lots))} ${sizeUnit(p.market)}`).join(" · ");
  if (inv.textContent !== text) inv.textContent = text;
  setText("kpi-inv-sub", held.length === 0 ? "per instrument" : `per instrument · value ${held.map((p) => usd(p.valueUsd)).join(" / ")}`);
  const sent = a.counts.sent;
  const fills = a.counts.fills;
  setText("kpi-fill", sent !== null && sent > 0 && fills !== null ? pct(fills / sent) : DASH);
  setText("kpi-fill-sub", `${fills ?? DASH} fills / ${sent ?? DASH} orders sent`);
  setText("kpi-orders", String(a.openOrders.length));
  setText("kpi-orders-sub", `resting or awaiting the venue · ${a.counts.rejected ?? 0} rejected by risk`);
  panelState("panel-kpi", true);
}

/** "stale_feed on hl:#150, hl:BTC; latency_anomaly on *" */
function triggerSummary(triggers) {
  const byKind = new Map();
  for (const t of triggers) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t.scope]);
  return [...byKind.entries()].map(([k, scopes]) => `${k} on ${scopes.join(", ")}`).join("; ");
}

function signed(q) {
  return q.startsWith("-") ? `−${q.slice(1)}` : `+${q}`;
}
