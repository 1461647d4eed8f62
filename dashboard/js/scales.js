/**
 * Quotes and risk records carry prices as integer ticks and sizes as integer lots of their
 * instrument (shared/execution/types.ts); the page is not told the instrument's decimals, so it
 * reads them off data that states one value both ways:
 * - price decimals: a price in ticks (a quote, a risk record) against the instrument's mid in
 *   price units (they are within a few spreads of each other, so the power of ten is
 *   unambiguous); an outcome's NO leg trades near 1 − the YES mid;
 * - size decimals: a position's lots against its printed quantity; HIP-4 outcomes trade whole
 *   shares (SPEC §2).
 * Unknown stays unknown, and the caller prints ticks or lots with that unit.
 */
import { num } from "./format.js";
import { isOutcome } from "./labels.js";

/** Mid in price units per instrument market, from the stream and the market snapshots. */
export function referenceMids(snap, details) {
  const mids = {};
  if (snap === null) return mids;
  for (const m of snap.markets) {
    if (m.error !== null && m.error !== undefined) continue;
    if (m.mid !== null && m.mid > 0) mids[m.market] = m.mid;
    const pipes = details?.[m.id]?.value?.engine?.pipelines;
    for (const p of Array.isArray(pipes) ? pipes : []) {
      const mid = num(p?.market?.mid);
      if (mid !== null && mid > 0) mids[m.market.slice(0, 3) + String(p.coin)] = mid;
    }
  }
  for (const list of Object.values(snap.risk?.markets ?? {})) {
    const [yes, no] = list;
    if (yes === undefined || no === undefined || !isOutcome(yes) || !isOutcome(no)) continue;
    if (mids[yes] !== undefined && mids[no] === undefined) mids[no] = 1 - mids[yes];
  }
  return mids;
}

function decimalsOf(ticks, mid) {
  if (ticks === null || ticks <= 0 || !(mid > 0)) return null;
  const d = Math.round(Math.log10(ticks / mid));
  return d >= 0 && d <= 10 ? d : null;
}

/**
 * @param {object|null} snap readSnapshot()
 * @param {object} details store.details
 * @param {object[]} riskTail audit "risk" entries
 */
export function learnScales(snap, details, riskTail, prev = { px: {}, sz: {} }) {
  const px = { ...prev.px };
  const sz = { ...prev.sz };
  if (snap === null) return { px, sz };
  const mids = referenceMids(snap, details);
  const sample = (market, ticks) => {
    if (px[market] !== undefined) return;
    const d = decimalsOf(num(ticks), mids[market]);
    if (d !== null) px[market] = d;
  };
  for (const m of snap.markets) for (const q of m.quotes ?? []) sample(q.market, q.refPx ?? q.px);
  for (const e of riskTail) sample(String(e?.body?.market ?? ""), e?.body?.px);
  for (const p of snap.risk?.account?.positions ?? []) {
    if (sz[p.market] !== undefined || p.lots === null || p.lots === 0 || p.qty === null) continue;
    const d = decimalsOf(Math.abs(p.lots), Math.abs(Number(p.qty)));
    if (d !== null) sz[p.market] = d;
  }
  for (const market of Object.keys(mids)) if (isOutcome(market) && sz[market] === undefined) sz[market] = 0;
  return { px, sz };
}

/** Ticks as a price string, or "<n> ticks" when the grid is not known yet. */
export function tickPrice(scales, market, ticks) {
  const t = num(ticks);
  if (t === null) return "–";
  const d = scales.px[market];
  return d === undefined ? `${t} ticks` : (t / 10 ** d).toFixed(d);
}

/** Lots as a size string with its unit where known ("25", "0.01114"), or "<n> lots". */
export function lotSize(scales, market, lots) {
  const l = num(lots);
  if (l === null) return "–";
  const d = scales.sz[market];
  if (d === undefined) return `${l} lots`;
  return (l / 10 ** d).toFixed(d);
}

