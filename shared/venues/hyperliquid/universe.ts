/**
 * Asset resolution from the info responses: which asset id, wire coin and tick rules a market
 * has. Built once from meta (+ spotMeta, outcomeMeta, HIP-3 dex metas) and refreshed when the
 * venue rolls its universe (HIP-4 outcomes roll at every settlement). Side labels, quote tokens
 * and decimals always come from the responses, never from constants.
 */
import { err, ok, type Result } from "../../core/result";
import {
  hip3AssetId,
  outcomeAssetId,
  outcomeCoin,
  outcomeToken,
  perpAssetId,
  spotAssetId,
  spotCoin,
  type AssetKind,
} from "./assets";
import type { MetaResponse, OutcomeMetaResponse, PerpDexsResponse, SpotMetaResponse } from "./info-schemas";
import type { TickSpec } from "./price-rules";

export interface OutcomeAssetInfo {
  outcome: number;
  side: 0 | 1;
  /** sideSpecs[side].name, e.g. "Yes", or a team name on sports markets. */
  sideName: string;
  name: string;
  description: string;
  quoteToken?: string;
  token: string;
}

export interface AssetInfo {
  /** The coin as the wire prints it: "BTC", "PURR/USDC", "@107", "xyz:XYZ100", "#20". */
  coin: string;
  assetId: number;
  kind: AssetKind;
  tick: TickSpec;
  /** Human name: perp name, spot pair "HYPE/USDC", outcome name. */
  name: string;
  isDelisted?: boolean;
  outcome?: OutcomeAssetInfo;
}

export interface AssetUniverse {
  byCoin: ReadonlyMap<string, AssetInfo>;
  byAssetId: ReadonlyMap<number, AssetInfo>;
  /** Alternative names that resolve too: spot pair names ("HYPE/USDC") and outcome tokens ("+20"). */
  aliases: ReadonlyMap<string, AssetInfo>;
}

export interface UniverseInput {
  meta?: MetaResponse;
  spotMeta?: SpotMetaResponse;
  outcomeMeta?: OutcomeMetaResponse;
  /** HIP-3 builder dexes: the perpDexs response and each dex's meta keyed by dex name. */
  hip3?: { perpDexs: PerpDexsResponse; metas: Readonly<Record<string, MetaResponse>> };
}

export type UniverseError =
  | { kind: "unknownAsset"; query: string }
  | { kind: "badMeta"; detail: string };

/** Builds the lookup tables; refuses responses that would give two assets one id or coin. */
export function buildUniverse(input: UniverseInput): Result<AssetUniverse, UniverseError> {
  const byCoin = new Map<string, AssetInfo>();
  const byAssetId = new Map<number, AssetInfo>();
  const aliases = new Map<string, AssetInfo>();
  const problems: string[] = [];
  const add = (a: AssetInfo): void => {
    if (byCoin.has(a.coin) || byAssetId.has(a.assetId)) problems.push(`duplicate ${a.coin}/${a.assetId}`);
    byCoin.set(a.coin, a);
    byAssetId.set(a.assetId, a);
  };

  input.meta?.universe.forEach((p, i) => {
    if (i >= 10_000) return void problems.push(`perp index ${i} beyond the perp id range`);
    const a: AssetInfo = { coin: p.name, assetId: perpAssetId(i), kind: "perp", tick: { kind: "perp", szDecimals: p.szDecimals }, name: p.name };
    if (p.isDelisted === true) a.isDelisted = true;
    add(a);
  });

  if (input.spotMeta !== undefined) {
    const tokens = new Map(input.spotMeta.tokens.map((t) => [t.index, t]));
    for (const pair of input.spotMeta.universe) {
      const base = tokens.get(pair.tokens[0]);
      const quote = tokens.get(pair.tokens[1]);
      if (base === undefined || quote === undefined || pair.index >= 90_000) {
        problems.push(`spot pair ${pair.name}: unknown token or index`);
        continue;
      }
      const name = `${base.name}/${quote.name}`;
      // Spot size decimals are the base token's [docs info-endpoint/spot].
      const a: AssetInfo = { coin: spotCoin(pair.index), assetId: spotAssetId(pair.index), kind: "spot", tick: { kind: "spot", szDecimals: base.szDecimals }, name };
      add(a);
      if (!aliases.has(name) && name !== a.coin) aliases.set(name, a);
    }
  }

  if (input.hip3 !== undefined) {
    input.hip3.perpDexs.forEach((dex, dexIndex) => {
      if (dex === null || dexIndex === 0) return;
      const meta = input.hip3?.metas[dex.name];
      meta?.universe.forEach((p, i) => {
        if (i >= 10_000 || dexIndex >= 9_990) return void problems.push(`hip3 ${dex.name} index ${i}`);
        // HIP-3 names already carry the "<dex>:" prefix on the wire.
        const coin = p.name.includes(":") ? p.name : `${dex.name}:${p.name}`;
        add({ coin, assetId: hip3AssetId(dexIndex, i), kind: "hip3", tick: { kind: "perp", szDecimals: p.szDecimals }, name: coin });
      });
    });
  }

  for (const o of input.outcomeMeta?.outcomes ?? []) {
    for (const side of [0, 1] as const) {
      const spec = o.sideSpecs[side];
      if (spec === undefined) continue;
      const where = { outcome: o.outcome, side };
      const info: OutcomeAssetInfo = { ...where, sideName: spec.name, name: o.name, description: o.description, token: outcomeToken(where) };
      if (o.quoteToken !== undefined) info.quoteToken = o.quoteToken;
      const a: AssetInfo = { coin: outcomeCoin(where), assetId: outcomeAssetId(where), kind: "outcome", tick: { kind: "outcome", szDecimals: 0 }, name: `${o.name} ${spec.name}`, outcome: info };
      add(a);
      aliases.set(info.token, a);
    }
  }

  if (problems.length > 0) return err({ kind: "badMeta", detail: problems.slice(0, 5).join("; ") });
  return ok({ byCoin, byAssetId, aliases });
}

/** Finds an asset by wire coin, alias (spot pair name, "+<enc>" token) or numeric asset id. */
export function resolveAsset(u: AssetUniverse, query: string | number): Result<AssetInfo, UniverseError> {
  const hit = typeof query === "number" ? u.byAssetId.get(query) : (u.byCoin.get(query) ?? u.aliases.get(query));
  return hit === undefined ? err({ kind: "unknownAsset", query: String(query) }) : ok(hit);
}
