/**
 * Asset ids and coin names [docs asset-ids; reference/hyperliquid.md §5.1]:
 * - perp: index in meta.universe of the first perp dex;
 * - spot: 10000 + spotMeta.universe[i].index; coin "PURR/USDC" for index 0, "@<index>" otherwise;
 * - HIP-3 builder perp: 100000 + perpDexIndex * 10000 + index in that dex's meta; coin "<dex>:<COIN>";
 * - HIP-4 outcome side: encoding = 10 * outcome + side (side 0 or 1); asset 100000000 + encoding;
 *   coin "#<encoding>" in books, orders, fills and mids, token "+<encoding>" in balances.
 */

export const SPOT_ASSET_BASE = 10_000;
export const HIP3_ASSET_BASE = 100_000;
export const HIP3_DEX_STRIDE = 10_000;
export const OUTCOME_ASSET_BASE = 100_000_000;

export type AssetKind = "perp" | "spot" | "hip3" | "outcome";

export interface OutcomeSide {
  outcome: number;
  side: 0 | 1;
}

const isIndex = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

export function perpAssetId(index: number): number {
  if (!isIndex(index) || index >= SPOT_ASSET_BASE) throw new RangeError(`perp index ${index}`);
  return index;
}

export function spotAssetId(spotIndex: number): number {
  if (!isIndex(spotIndex) || spotIndex >= HIP3_ASSET_BASE - SPOT_ASSET_BASE) throw new RangeError(`spot index ${spotIndex}`);
  return SPOT_ASSET_BASE + spotIndex;
}

/** perpDexIndex is the position in the perpDexs response; 0 is the first (default) dex. */
export function hip3AssetId(perpDexIndex: number, indexInMeta: number): number {
  if (!isIndex(perpDexIndex) || perpDexIndex < 1 || !isIndex(indexInMeta) || indexInMeta >= HIP3_DEX_STRIDE) {
    throw new RangeError(`hip3 dex ${perpDexIndex} index ${indexInMeta}`);
  }
  return HIP3_ASSET_BASE + perpDexIndex * HIP3_DEX_STRIDE + indexInMeta;
}

export function outcomeEncoding(o: OutcomeSide): number {
  if (!isIndex(o.outcome) || (o.side !== 0 && o.side !== 1)) throw new RangeError(`outcome ${o.outcome} side ${o.side}`);
  return 10 * o.outcome + o.side;
}

export function outcomeAssetId(o: OutcomeSide): number {
  return OUTCOME_ASSET_BASE + outcomeEncoding(o);
}

export function outcomeCoin(o: OutcomeSide): string {
  return `#${outcomeEncoding(o)}`;
}

export function outcomeToken(o: OutcomeSide): string {
  return `+${outcomeEncoding(o)}`;
}

function decodeEncoding(enc: number): OutcomeSide | null {
  const side = enc % 10;
  if (side !== 0 && side !== 1) return null;
  return { outcome: (enc - side) / 10, side };
}

const ENCODED = /^[#+](0|[1-9]\d{0,12})$/;

/** "#2201" or "+2201" -> { outcome: 220, side: 1 }; null for anything else (including side digits 2-9). */
export function parseOutcomeCoin(coin: string): OutcomeSide | null {
  const m = ENCODED.exec(coin);
  return m === null ? null : decodeEncoding(Number(m[1]));
}

export function spotCoin(spotIndex: number): string {
  // PURR/USDC keeps its name for historical reasons; every other pair is "@<index>".
  return spotIndex === 0 ? "PURR/USDC" : `@${spotIndex}`;
}

/** Which kind of asset an id denotes, by range. */
export function assetKindOfId(assetId: number): AssetKind | null {
  if (!isIndex(assetId)) return null;
  if (assetId >= OUTCOME_ASSET_BASE) return decodeEncoding(assetId - OUTCOME_ASSET_BASE) === null ? null : "outcome";
  if (assetId >= HIP3_ASSET_BASE) return assetId >= HIP3_ASSET_BASE + HIP3_DEX_STRIDE ? "hip3" : null;
  if (assetId >= SPOT_ASSET_BASE) return "spot";
  return "perp";
}

/** Outcome and side of an outcome asset id, or null. */
export function outcomeOfAssetId(assetId: number): OutcomeSide | null {
  if (!Number.isSafeInteger(assetId) || assetId < OUTCOME_ASSET_BASE) return null;
  return decodeEncoding(assetId - OUTCOME_ASSET_BASE);
}

/** The coin-name kind as printed on the wire ("BTC", "@107", "PURR/USDC", "xyz:XYZ100", "#20"). */
export function coinKind(coin: string): AssetKind {
  if (coin.startsWith("#")) return "outcome";
  if (coin.startsWith("@") || coin.includes("/")) return "spot";
  if (coin.includes(":")) return "hip3";
  return "perp";
}
