/** Prints a replay report as a compact, readable summary. */
import type { ReplayReport } from "./replay-runner";

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : "-");
const num = (x: number, digits = 4): string => (Number.isFinite(x) ? x.toFixed(digits) : "-");
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "-");

export function formatReport(r: ReplayReport): string {
  const out: string[] = [];
  out.push(`recording ${r.recording}: ${iso(r.start)} -> ${iso(r.end)}`);
  out.push(`input: ${r.records} records in ${r.files.length} files -> ${r.events} events (${r.replayed} replayed), ${r.skipped} skipped`);
  for (const f of r.files) {
    const skipped = Object.entries(f.stats.skipped)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    const reordered = f.stats.reordered > 0 ? `, ${f.stats.reordered} re-sorted by time` : "";
    out.push(`  ${f.file}: ${f.stats.lines} records, ${f.stats.events} events${skipped ? `, skipped: ${skipped}` : ""}${reordered}`);
  }
  for (const m of r.markets) {
    out.push("");
    const refused = Object.entries(m.bookRefused)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    out.push(`${m.coin}: ${m.events} events, ${m.refused} refused${refused ? ` (book: ${refused})` : ""}, ${m.outOfOrder} out of order`);
    out.push(`  signal     present      mean       std       min       max`);
    for (const s of m.signals) {
      if (s.present === 0) {
        out.push(`  ${s.name.padEnd(8)} ${"0".padStart(9)}  (never present)`);
        continue;
      }
      out.push(
        `  ${s.name.padEnd(8)} ${String(s.present).padStart(9)} ${num(s.mean).padStart(9)} ${num(s.std).padStart(9)} ${num(s.min).padStart(9)} ${num(s.max).padStart(9)}`,
      );
    }
    out.push(`  alpha: mean ${num(m.alpha.mean)}, std ${num(m.alpha.std)}, min ${num(m.alpha.min)}, max ${num(m.alpha.max)}`);
    const share = (prefix: string): string =>
      Object.entries(m.regimeShare)
        .filter(([k]) => k.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k.slice(prefix.length)} ${pct(v)}`)
        .join(", ");
    out.push(`  time share: liquidity ${share("liquidity:")}; vol ${share("vol:")}; extreme ${share("extreme:")}; tradable ${share("tradable:")}`);
    const o = m.ofiRegression;
    out.push(
      `  OFI regression (${o.bucketMs / 1000} s buckets, n=${o.n}): ΔP = ${num(o.intercept)} + ${num(o.slope)}·OFI  (price per ${o.sizeUnit}), R² = ${num(o.r2)}`,
    );
  }
  if (r.crossCorrelation) {
    const c = r.crossCorrelation;
    out.push("");
    out.push(`cross-correlation of ${c.lead} and ${c.lag} mid returns (${c.gridMs} ms grid; lag > 0: ${c.lead} leads):`);
    const best = c.points.reduce((m, p) => (p.corr > m.corr ? p : m));
    for (let i = 0; i < c.points.length; i += 7) {
      out.push(
        "  " +
          c.points
            .slice(i, i + 7)
            .map((p) => `${String(p.lagMs).padStart(5)}ms ${num(p.corr, 3).padStart(6)}`)
            .join("  "),
      );
    }
    out.push(`  peak at ${best.lagMs} ms: ${num(best.corr, 3)}`);
  }
  if (r.leadLag) {
    const l = r.leadLag;
    out.push(`lead-lag signal on the next ${r.crossCorrelation?.lag ?? "lag"} mid move: ${l.hits} hits, ${l.misses} misses of ${l.onsets} onsets -> hit rate ${pct(l.rate)}`);
  }
  return out.join("\n");
}
