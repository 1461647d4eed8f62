/**
 * A capture file (SPEC §15) read into a replay timeline. The format is JSONL: a manifest
 * (source, mode, venue, time span, counts) and one record per line,
 *   { "t": <ms>, "type": "allMids" | "l2Book" | "candleSnapshot", "coin"?: string, "data": <the venue's response> }
 * with `data` exactly as Hyperliquid's /info answered. The manifest is accepted as its own line
 * (`{"manifest": {...}}`, or an object with `source` and no `type`) or passed in separately.
 * Like every replay (SPEC §15) it refuses a capture whose source is not `live` or `historical`.
 * Records the page does not replay (reference data such as `outcomeMeta`, other types, and
 * other venues' records: `venue` not "hl", e.g. Polymarket `pm` and Kalshi `ks`; see
 * shared/capture/README.md) are counted as skipped; lines that are not records are counted as
 * bad. Nothing is thrown.
 */

const TYPES = new Set(["allMids", "l2Book", "candleSnapshot"]);

const finite = (x) => {
  const v = typeof x === "number" ? x : typeof x === "string" && x.trim() !== "" ? Number(x) : NaN;
  return Number.isFinite(v) ? v : null;
};

/** Best level of one side of an l2Book response: {px, sz} numbers and the strings as sent. */
function best(side) {
  const l = Array.isArray(side) ? side[0] : undefined;
  if (l === undefined || l === null) return null;
  const px = finite(l.px);
  const sz = finite(l.sz);
  return px === null || sz === null ? null : { px, sz, pxStr: String(l.px), szStr: String(l.sz) };
}

/** Timeline events of one record; [] when it carries nothing usable. */
function eventsOf(rec) {
  const t = rec.t;
  const data = rec.data;
  if (rec.type === "allMids") {
    if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
    const mids = typeof data.mids === "object" && data.mids !== null ? data.mids : data;
    const out = [];
    for (const [coin, px] of Object.entries(mids)) {
      const v = finite(px);
      if (v !== null) out.push({ t, kind: "mid", coin, px: v, source: "allMids" });
    }
    return out;
  }
  if (rec.type === "l2Book") {
    const coin = typeof data?.coin === "string" ? data.coin : rec.coin;
    const levels = Array.isArray(data?.levels) ? data.levels : null;
    if (typeof coin !== "string" || levels === null) return [];
    const bid = best(levels[0]);
    const ask = best(levels[1]);
    if (bid === null && ask === null) return [];
    return [{ t, kind: "book", coin, bid, ask, bookTime: finite(data.time), source: "l2Book" }];
  }
  if (!Array.isArray(data)) return [];
  // A candle is history: its close is a price at the candle's end, not at the capture time.
  const out = [];
  for (const c of data) {
    const coin = typeof c?.s === "string" ? c.s : rec.coin;
    const close = finite(c?.c);
    const end = finite(c?.T) ?? finite(c?.t);
    if (typeof coin === "string" && close !== null && end !== null) out.push({ t: end, kind: "mid", coin, px: close, source: `candle ${c?.i ?? ""}`.trim() });
  }
  return out;
}

/**
 * @param {string} text the capture's JSONL
 * @param {object|null} manifest when served apart from the records
 */
export function parseCapture(text, manifest = null) {
  let m = manifest;
  const events = [];
  let records = 0;
  let bad = 0;
  let skipped = 0;
  for (const line of String(text).split(/\r?\n/)) {
    if (line.trim() === "") continue;
    let v;
    try {
      v = JSON.parse(line);
    } catch {
      bad++;
      continue;
    }
    if (typeof v !== "object" || v === null) {
      bad++;
      continue;
    }
    if (typeof v.manifest === "object" && v.manifest !== null) {
      m = v.manifest;
      continue;
    }
    if (!("type" in v) && ("source" in v || "mode" in v)) {
      m = v;
      continue;
    }
    if (typeof v.type !== "string") {
      bad++;
      continue;
    }
    if (!TYPES.has(v.type) || (v.venue !== undefined && v.venue !== "hl")) {
      skipped++;
      continue;
    }
    const t = finite(v.t);
    if (t === null) {
      bad++;
      continue;
    }
    records++;
    events.push(...eventsOf({ t, type: v.type, coin: v.coin, data: v.data }));
  }
  events.sort((a, b) => a.t - b.t);
  const source = typeof m?.source === "string" ? m.source : null;
  if (source !== "live" && source !== "historical") {
    return { ok: false, error: source === null ? "the capture has no manifest with its source; a replay only takes live or historical captures" : `source "${source}" refused: a replay only takes live or historical captures (SPEC §15)`, records, bad, skipped };
  }
  if (events.length === 0) return { ok: false, error: `no usable prices in ${records} records (${bad} unreadable lines, ${skipped} skipped (not replayed))`, records, bad, skipped };
  return { ok: true, manifest: m, events, records, bad, skipped, from: events[0].t, to: events[events.length - 1].t, coins: [...new Set(events.map((e) => e.coin))] };
}
