/**
 * One read of the account's state at the venue, for reconciliation: open orders, clearinghouse
 * state and mids per perp dex (HIP-3 coins are only listed with their `dex`), recent fills, spot
 * balances (HIP-4 holdings), and the book behind each exposure (its depth). All or nothing: a
 * read with any failed request is a failure, and nothing is applied from it.
 */
import { err, ok, type Result } from "../../shared/core/result";
import type { Instrument } from "../../shared/execution/types";
import { measureOffset, type VenueClock } from "../../shared/runtime/account/venue-clock";
import { bookDepthUsd, depthScopes } from "../../shared/runtime/account/venue-snapshot";
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

