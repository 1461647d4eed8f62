/**
 * PnL and inventory of one or more backtest reports as a standalone SVG (two stacked panels,
 * one line per strategy), drawn by hand: no plotting dependency for two line charts.
 */
import type { BacktestReport } from "../../shared/backtest/report";

const W = 960;
const PANEL = 260;
const PAD = { left: 70, right: 20, top: 30, bottom: 30 };
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

interface Line {
  name: string;
  t: number[];
  y: number[];
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function panel(title: string, lines: Line[], top: number): string {
  const ts = lines.flatMap((l) => l.t);
  const ys = lines.flatMap((l) => l.y).filter((y) => Number.isFinite(y));
  if (ts.length === 0 || ys.length === 0) return `<text x="${PAD.left}" y="${top + 20}">${esc(title)}: no data</text>`;
  const t0 = Math.min(...ts);
  const t1 = Math.max(...ts);
  let y0 = Math.min(0, ...ys);
  let y1 = Math.max(0, ...ys);
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const h = PANEL - PAD.top - PAD.bottom;
  const w = W - PAD.left - PAD.right;
  const x = (t: number): number => PAD.left + ((t - t0) / Math.max(1, t1 - t0)) * w;
  const y = (v: number): number => top + PAD.top + (1 - (v - y0) / (y1 - y0)) * h;
  const out: string[] = [];
  out.push(`<text x="${PAD.left}" y="${top + 18}" font-weight="bold">${esc(title)}</text>`);
  out.push(`<rect x="${PAD.left}" y="${top + PAD.top}" width="${w}" height="${h}" fill="none" stroke="#999"/>`);
  out.push(`<line x1="${PAD.left}" x2="${PAD.left + w}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="#ccc"/>`);
  for (const v of [y0, y1]) out.push(`<text x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${Number(v.toPrecision(4))}</text>`);
  for (const t of [t0, t1]) out.push(`<text x="${x(t).toFixed(1)}" y="${top + PANEL - 8}" text-anchor="middle">${new Date(t).toISOString().slice(11, 19)}Z</text>`);
  lines.forEach((l, i) => {
    const pts = l.t.map((t, j) => (Number.isFinite(l.y[j]!) ? `${x(t).toFixed(1)},${y(l.y[j]!).toFixed(1)}` : "")).filter((p) => p !== "");
    const c = COLORS[i % COLORS.length]!;
    out.push(`<polyline fill="none" stroke="${c}" stroke-width="1.5" points="${pts.join(" ")}"/>`);
    out.push(`<text x="${PAD.left + w - 10}" y="${top + PAD.top + 16 + 14 * i}" text-anchor="end" fill="${c}">${esc(l.name)}</text>`);
  });
  return out.join("\n");
}

export function backtestSvg(reports: readonly BacktestReport[]): string {
  const pnl: Line[] = reports.map((r) => ({ name: r.strategy, t: r.series.t, y: r.series.pnlUsd.map((v) => v ?? NaN) }));
  const inv: Line[] = reports.flatMap((r) => Object.entries(r.series.inventory).map(([k, v]) => ({ name: `${r.strategy} ${k}`, t: r.series.t, y: v })));
  // Parity: its fair value against the YES mid, once a minute.
  const fair: Line[] = reports.flatMap((r) =>
    r.strategyView
      .filter((v) => v.edge !== null)
      .flatMap((v) => [
        { name: `${r.strategy} fair P(YES)`, t: v.path.t, y: v.path.fair.map((x) => x ?? NaN) },
        { name: `${r.strategy} YES mid`, t: v.path.t, y: v.path.mid.map((x) => x ?? NaN) },
      ]),
  );
  const panels = [panel("PnL (USD)", pnl, 20), panel("Inventory (lots)", inv, 20 + PANEL)];
  if (fair.length > 0) panels.push(panel("Fair value vs YES mid", fair, 20 + 2 * PANEL));
  const title = `${reports.map((r) => r.strategy).join(" vs ")} on ${reports[0]?.recording ?? ""}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${panels.length * PANEL + 30}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="14">${esc(title)}</text>`,
    ...panels,
    `</svg>`,
    "",
  ].join("\n");
}
