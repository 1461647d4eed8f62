/**
 * Reconciliation with the venue (SPEC §9, §12): read open orders, recent fills, positions,
 * mids and the books of the bot's instruments from /info (per perp dex: HIP-3 coins are only
 * listed with their `dex`), measure the venue's clock, revalue at the mids, observe each book's
 * depth (the depth-vanishing trigger), hand the snapshot to AccountEngine.onReconcile (adopt,
 * cancel zombies and unknown orders, query the unresolved) and compare the engine's positions
 * with the venue's. A read that fails changes nothing; the caller retries.
 */
import { err, ok, type Result } from "../../shared/core/result";
import type { AccountOutput } from "../../shared/engine/types";
import type { Instrument } from "../../shared/execution/types";
import { measureOffset, type VenueClock } from "../../shared/runtime/account/venue-clock";
import { bookDepthUsd, depthScopes, marksFromMids, positionDrift, venuePositions, venueSnapshot, type SnapshotRead } from "../../shared/runtime/account/venue-snapshot";
import type { ClearinghouseStateResponse, SpotClearinghouseStateResponse } from "../../shared/venues/hyperliquid/info-schemas";
import type { Fill, FrontendOrder } from "../../shared/venues/hyperliquid/schema-common";
import type { VenueInfo } from "./venue-info";

export interface VenueRead {
  openOrders: FrontendOrder[];
  fills: Fill[];
  perps: ClearinghouseStateResponse;
  spot: SpotClearinghouseStateResponse;
  mids: Record<string, string>;
  /** Top-of-book depth (USD, thinner side) per exposure scope (market, or outcome group), for the depth-vanishing trigger. */
  depthUsd: Record<string, number>;
  clock: VenueClock;
  readAt: number;
}

/** The dexes to read: "" (the first perp dex, which also lists spot and outcome orders) and each HIP-3 dex the bot trades. */
export function dexesOf(instruments: Readonly<Record<string, Instrument>>): string[] {
  const dexes = new Set<string>([""]);
  for (const m in instruments) {
    const coin = m.slice(3);
    const i = coin.indexOf(":");
    if (m.startsWith("hl:") && i > 0) dexes.add(coin.slice(0, i));
  }
  return [...dexes];
}

export async function readVenue(info: VenueInfo, instruments: Readonly<Record<string, Instrument>>, clock: VenueClock): Promise<Result<VenueRead, string>> {
  const dexes = dexesOf(instruments);
  const scopes = depthScopes(instruments);
  const markets = scopes.map((x) => x.market);
  const [orders, perps, mids, books, fills, spot] = await Promise.all([
    Promise.all(dexes.map((d) => info.openOrders(d))),
    Promise.all(dexes.map((d) => info.clearinghouse(d))),
    Promise.all(dexes.map((d) => info.mids(d))),
    Promise.all(markets.map((m) => info.book(m.slice(3)))),
    info.fills(),
    info.spot(),
  ]);
  const failed = [...orders, ...perps, ...mids, ...books, fills, spot].find((r) => !r.ok);
  if (failed !== undefined && !failed.ok) return err(failed.error);
  const depthUsd: Record<string, number> = {};
  scopes.forEach((x, i) => {
    const b = books[i]!;
    depthUsd[x.scope] = bookDepthUsd(b.ok ? b.value : null);
  });
  const okv = <T>(r: Result<{ value: T }, string>): T => (r as { ok: true; value: { value: T } }).value.value;
  const main = perps[0]!;
  if (!main.ok) return err(main.error);
  const merged: ClearinghouseStateResponse = { ...main.value.value, assetPositions: perps.flatMap((p) => okv(p).assetPositions) };
  return ok({
    openOrders: orders.flatMap((o) => okv(o)),
    fills: okv(fills),
    perps: merged,
    spot: okv(spot),
    mids: Object.assign({}, ...mids.map((m) => okv(m))) as Record<string, string>,
    depthUsd,
    clock: measureOffset(clock, main.value.value.time, main.value.sentMs, main.value.answeredMs),
    readAt: main.value.answeredMs,
  });
}

export interface ReconcileReport {
  at: number;
  reason: string;
  ok: boolean;
  error: string | null;
  openOrders: number;
  fills: number;
  skipped: SnapshotRead["skipped"] | null;
  /** Markets where the engine's position differs from the venue's after the reconciliation. */
  drift: { market: string; engineLots: number; venueLots: number }[];
  actions: { cancels: number; cancelsByOid: number; queries: number; adopted: number };
  clockOffsetMs: number;
}

export function failedReport(reason: string, error: string, at: number, clock: VenueClock): ReconcileReport {
  return { at, reason, ok: false, error, openOrders: 0, fills: 0, skipped: null, drift: [], actions: { cancels: 0, cancelsByOid: 0, queries: 0, adopted: 0 }, clockOffsetMs: clock.offsetMs };
}

/** The engine calls a reconciliation makes, given a successful read. */
export function reconcileCalls(
  read: VenueRead,
  instruments: Readonly<Record<string, Instrument>>,
  fillsSinceMs: number,
): { marks: Record<string, number>; snap: SnapshotRead; venueLots: Record<string, number>; unreadable: string[] } {
  const snap = venueSnapshot({ openOrders: read.openOrders, fills: read.fills, asOfMs: read.readAt, fillsSinceMs }, instruments);
  const pos = venuePositions(read.perps, read.spot, instruments);
  return { marks: marksFromMids(read.mids, instruments), snap, venueLots: pos.lots, unreadable: pos.unreadable };
}

export function report(
  reason: string,
  at: number,
  calls: ReturnType<typeof reconcileCalls>,
  out: AccountOutput,
  enginePositions: Readonly<Record<string, number>>,
  adopted: number,
  clock: VenueClock,
): ReconcileReport {
  return {
    at,
    reason,
    ok: true,
    error: null,
    openOrders: calls.snap.snapshot.openOrders.length,
    fills: calls.snap.snapshot.fills.length,
    skipped: { ...calls.snap.skipped, unreadable: [...calls.snap.skipped.unreadable, ...calls.unreadable] },
    drift: positionDrift(enginePositions, calls.venueLots),
    actions: { cancels: out.cancels.length, cancelsByOid: out.cancelsByOid.length, queries: out.queries.length, adopted },
    clockOffsetMs: clock.offsetMs,
  };
}
