/**
 * Asset ids for the registered instruments from the venue's own metadata (never constants):
 * meta for perps, perpDexs + each dex's meta for HIP-3 perps, spotMeta for spot pairs,
 * outcomeMeta for HIP-4 sides. Only what the instruments need is read.
 */
import { err, ok, type Result } from "../../shared/core/result";
import type { Instrument } from "../../shared/execution/types";
import { assetTable, hlCoin, type AssetTable } from "../../shared/runtime/account/wire-orders";
import { coinKind } from "../../shared/venues/hyperliquid/assets";
import type { MetaResponse } from "../../shared/venues/hyperliquid/info-schemas";
import { buildUniverse, type UniverseInput } from "../../shared/venues/hyperliquid/universe";
import type { VenueInfo } from "./venue-info";

export async function loadAssets(info: VenueInfo, instruments: readonly Instrument[]): Promise<Result<{ table: AssetTable; missing: string[] }, string>> {
  const kinds = new Set<string>();
  const dexes = new Set<string>();
  for (const i of instruments) {
    const coin = hlCoin(i.market);
    if (coin === null) continue;
    const k = coinKind(coin);
    kinds.add(k);
    if (k === "hip3") dexes.add(coin.slice(0, coin.indexOf(":")));
  }
  const input: UniverseInput = {};
  if (kinds.has("perp")) {
    const m = await info.meta();
    if (!m.ok) return err(m.error);
    input.meta = m.value.value;
  }
  if (kinds.has("spot")) {
    const m = await info.spotMeta();
    if (!m.ok) return err(m.error);
    input.spotMeta = m.value.value;
  }
  if (kinds.has("outcome")) {
    const m = await info.outcomeMeta();
    if (!m.ok) return err(m.error);
    input.outcomeMeta = m.value.value;
  }
  if (dexes.size > 0) {
    const pd = await info.perpDexs();
    if (!pd.ok) return err(pd.error);
    const metas: Record<string, MetaResponse> = {};
    for (const dex of dexes) {
      const m = await info.meta(dex);
      if (!m.ok) return err(m.error);
      metas[dex] = m.value.value;
    }
    input.hip3 = { perpDexs: pd.value.value, metas };
  }
  const u = buildUniverse(input);
  if (!u.ok) return err(`universe: ${u.error.kind}`);
  return ok(assetTable(u.value, instruments));
}
