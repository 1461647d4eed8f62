/**
 * What is stale right now, named (the banner's contents). Three kinds of staleness, each judged
 * on its own clock:
 * - the stream itself: frames arrive at 4 Hz, so a gap measured on the browser's clock means the
 *   page is blind (socket down, hub stuck, network);
 * - a snapshot that arrives but is old: its server timestamp against the receive time, after
 *   removing the clock offset between browser and server (the smallest receive − ts seen, which
 *   is offset plus the fastest delivery);
 * - a market feed: the MarketDO's own view (socket phase, Resyncing) and the age of its last
 *   venue frame on the server's clock (snapshot ts − feed.lastFrameAt), never on how quiet the
 *   market is (SPEC §10: liveness is judged on the connection).
 * Plus what the RiskDO reports: not ready, the private stream down, feeds it counts as down.
 */

export const THRESHOLDS = {
  /** Four frames a second are expected; two seconds without one is blindness. */
  streamSilentMs: 2_000,
  /** A snapshot built this long before it arrived is old news. */
  snapshotOldMs: 3_000,
  /** Venue frames (books every ~0.5 s, pongs) stop for this long: the feed is stalled. */
  feedSilentMs: 5_000,
};

/**
 * @param {object} x
 * @param {number} x.now browser ms
 * @param {"connecting"|"open"|"closed"} x.connection
 * @param {number|null} x.lastRecvAt browser ms of the last frame
 * @param {number|null} x.retryInMs while closed: when the next attempt is due
 * @param {object|null} x.snapshot readSnapshot() of the last frame
 * @param {number|null} x.lastDelayMs receive − ts of the last frame
 * @param {number|null} x.minDelayMs smallest receive − ts seen (offset estimate)
 * @returns {{key: string, what: string, detail: string}[]}
 */
export function staleIssues(x, t = THRESHOLDS) {
  const out = [];
  if (x.connection !== "open") {
    const retry = x.retryInMs === null ? "" : `, retrying in ${Math.max(0, Math.ceil(x.retryInMs / 1000))} s`;
    out.push({ key: "stream", what: "live stream", detail: x.connection === "connecting" ? "connecting to /stream…" : `disconnected${retry}` });
  } else if (x.lastRecvAt === null) {
    out.push({ key: "stream", what: "live stream", detail: "connected, no snapshot yet" });
  } else if (x.now - x.lastRecvAt > t.streamSilentMs) {
    out.push({ key: "stream", what: "live stream", detail: `silent for ${secs(x.now - x.lastRecvAt)} (4 per second expected)` });
  }
  const s = x.snapshot;
  if (s === null) return out;
  if (x.lastDelayMs !== null && x.minDelayMs !== null && x.lastDelayMs - x.minDelayMs > t.snapshotOldMs) {
    out.push({ key: "snapshot", what: "snapshot", detail: `built ${secs(x.lastDelayMs - x.minDelayMs)} before it arrived` });
  }
  for (const m of s.markets) {
    const key = `feed:${m.id}`;
    if (m.error !== null) {
      out.push({ key, what: `market ${m.id}`, detail: `MarketDO not answering: ${m.error}` });
      continue;
    }
    if (!m.enabled) continue;
    if (m.feed.phase !== "up") {
      out.push({ key, what: `market feed ${m.id}`, detail: `socket ${m.feed.phase}${m.feed.lastError ? ` (${m.feed.lastError})` : ""}` });
    } else if (!m.feed.synced) {
      out.push({ key, what: `market feed ${m.id}`, detail: `Resyncing${m.feed.lastResyncReason ? `: ${m.feed.lastResyncReason}` : ""}; quotes pulled` });
    } else if (m.feed.lastFrameAt !== null && s.ts - m.feed.lastFrameAt > t.feedSilentMs) {
      out.push({ key, what: `market feed ${m.id}`, detail: `no venue frame for ${secs(s.ts - m.feed.lastFrameAt)}` });
    }
  }
  const r = s.risk;
  if (r === null) {
    out.push({ key: "risk", what: "RiskDO", detail: "not answering: positions, PnL and risk state unknown" });
    return out;
  }
  if (!r.ready) out.push({ key: "risk", what: "account", detail: `not ready (${r.phase || "unknown phase"})${r.problem ? `: ${r.problem}` : ""}` });
  if (r.stream !== null && r.stream.phase !== "up") {
    out.push({ key: "private", what: "private stream (fills, order updates)", detail: `socket ${r.stream.phase}${r.stream.lastError ? ` (${r.stream.lastError})` : ""}` });
  }
  for (const f of r.feedsDown) {
    if (!out.some((i) => i.key === `feed:${f.market}`)) out.push({ key: `feed:${f.market}`, what: `market feed ${f.market}`, detail: `down for risk: ${f.reason}` });
  }
  return out;
}

function secs(msValue) {
  return `${(msValue / 1000).toFixed(1)} s`;
}
