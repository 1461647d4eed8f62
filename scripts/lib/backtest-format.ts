/** The backtest report as text: one column per strategy, so `--compare as,fixed` reads side by side. */
import type { BacktestReport } from "../../shared/backtest/report";

const n = (x: number | null | undefined, d = 4): string => (x === null || x === undefined || !Number.isFinite(x) ? "-" : x.toFixed(d));
const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");

export function formatComparison(reports: readonly BacktestReport[]): string {
  const first = reports[0];
  if (first === undefined) return "";
  const rows: [string, (r: BacktestReport) => string][] = [
    ["PnL total (USD)", (r) => n(r.pnl.totalUsd)],
    ["  realised", (r) => n(r.pnl.realisedUsd)],
    ["  unrealised", (r) => n(r.pnl.unrealisedUsd)],
    ["  fees", (r) => n(r.pnl.feesUsd)],
    ...first.pnl.byMarket.map((m, i): [string, (r: BacktestReport) => string] => [
      `  ${m.market} (realised + unrealised − fees)`,
      (r) => {
        const x = r.pnl.byMarket[i];
        return x === undefined ? "-" : n((x.realisedUsd ?? 0) + (x.unrealisedUsd ?? 0) - (x.feesUsd ?? 0));
      },
    ]),
    ["fills (maker/taker)", (r) => `${r.fills.count} (${r.fills.maker}/${r.fills.taker})`],
    ["volume (USD)", (r) => n(r.fills.volumeUsd, 2)],
    ["orders sent / rested", (r) => `${r.orders.sent} / ${r.orders.rested}`],
    ["ALO rejected / IOC no match", (r) => `${r.orders.aloRejected} / ${r.orders.iocNoMatch}`],
    ["max drawdown (USD)", (r) => n(r.drawdown.maxUsd)],
    ["1-min PnL mean/std", (r) => `${n(r.pnl1m.meanUsd)} / ${n(r.pnl1m.stdUsd)}`],
    ["1-min PnL mean÷std", (r) => n(r.pnl1m.ratio)],
    ...first.markouts.map((m, i): [string, (r: BacktestReport) => string] => [
      `markout ${m.horizonMs / 1000}s (per unit / USD)`,
      (r) => `${n(r.markouts[i]?.meanPerUnit, 5)} / ${n(r.markouts[i]?.totalUsd)}`,
    ]),
    ...first.inventory.map((k, i): [string, (r: BacktestReport) => string] => [
      `inventory ${k.key} min..max (bound)`,
      (r) => {
        const v = r.inventory[i];
        return v === undefined ? "-" : `${v.min}..${v.max} (${v.bound ?? "-"})${v.withinBound ? "" : " OUT"}`;
      },
    ]),
    ...first.inventory.map((k, i): [string, (r: BacktestReport) => string] => [`inventory ${k.key} std / final`, (r) => `${n(r.inventory[i]?.std, 2)} / ${r.inventory[i]?.final ?? "-"}`]),
    ["risk mode at end", (r) => (r.risk.killed ? `halted (${r.risk.killReason})` : r.risk.mode)],
    ["books balance (checks, failures)", (r) => `${r.balance.checks}, ${r.balance.failures}${r.balance.accountMatchesVenue ? "" : ", account != venue"}`],
  ];
  const label = Math.max(...rows.map(([l]) => l.length));
  const width = Math.max(14, ...reports.map((r) => Math.max(r.strategy.length, ...rows.map(([, f]) => f(r).length))));
  const out: string[] = [];
  out.push(`recording ${first.recording}: ${iso(first.span.startMs)} -> ${iso(first.span.endMs)} (${first.span.seconds} s), seed ${first.seed}`);
  const l = first.latency;
  out.push(`latency: feed ${l.feedMs} ms, order ${l.orderMs} ms, ack ${l.ackMs} ms, jitter < ${l.jitterMs} ms`);
  const skipped = Object.entries(first.input.skipped).map(([k, v]) => `${k} ${v}`).join(", ");
  out.push(`input: ${first.input.events} events; skipped: ${skipped || "none"}; refused by pipelines ${first.input.refusedByPipelines}; matching errors ${first.input.matchingErrors}`);
  out.push("");
  out.push(`${"".padEnd(label)}  ${reports.map((r) => r.strategy.padStart(width)).join("  ")}`);
  for (const [name, f] of rows) out.push(`${name.padEnd(label)}  ${reports.map((r) => f(r).padStart(width)).join("  ")}`);
  for (const r of reports) {
    out.push(`${r.strategy} risk decisions: ${Object.entries(r.risk.decisions).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`);
    for (const v of r.strategyView) {
      const parts: string[] = [];
      if (v.fairVsMid !== null) parts.push(`mid − fair mean ${n(v.fairVsMid.meanDiff, 5)}, std ${n(v.fairVsMid.stdDiff, 5)}`);
      if (v.edge !== null) parts.push(`edge q05/q50/q95 ${n(v.edge.q05)}/${n(v.edge.q50)}/${n(v.edge.q95)}`);
      parts.push(`alpha mean ${n(v.alpha.mean)}, std ${n(v.alpha.std)}`);
      out.push(`${r.strategy} ${v.engine} (${v.samples} 1-s samples): ${parts.join("; ")}`);
    }
  }
  return out.join("\n");
}
