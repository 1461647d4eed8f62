/**
 * What the RiskDO knows about the liveness of the feeds it depends on, turned into the risk
 * layer's `Liveness` observation (SPEC §10: stale market feed, silent private stream; judged on
 * the connection, never on how quiet a market is):
 *   - a market feed a MarketDO declared down (feedDown, on Resyncing) counts as stale at once:
 *     its instruments get a last-frame time older than `stale_feed_ms`, so the stale_feed
 *     trigger halts them now; feedUp (Resynced) reports them fresh, which clears it;
 *   - the private stream's last frame (data or pong; the socket is pinged every few seconds)
 *     is reported as is, so a socket that went silent halts the venue after
 *     `private_stream_silence_ms`.
 */
import type { Liveness } from "../../risk";

export interface FeedDown {
  since: number;
  reason: string;
}

export function feedLiveness(
  down: Readonly<Record<string, FeedDown>>,
  instrumentsOf: Readonly<Record<string, readonly string[]>>,
  privateLastFrameMs: number | null,
  staleFeedMs: number,
  nowMs: number,
): Liveness {
  const marketFeeds: Record<string, number> = {};
  for (const engine in instrumentsOf) {
    const d = down[engine];
    for (const market of instrumentsOf[engine]!) {
      const t = d === undefined ? nowMs : Math.min(d.since, nowMs) - staleFeedMs - 1;
      // An instrument shared by two engines is stale if either feed is down.
      marketFeeds[market] = Math.min(marketFeeds[market] ?? Number.POSITIVE_INFINITY, t);
    }
  }
  return privateLastFrameMs === null ? { marketFeeds, privateStreams: {} } : { marketFeeds, privateStreams: { hl: privateLastFrameMs } };
}
