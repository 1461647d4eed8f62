import { describe, expect, it } from "vitest";
import type { MetaResponse, OutcomeMetaResponse, SpotMetaResponse } from "./info-schemas";
import { buildUniverse, resolveAsset } from "./universe";

const meta: MetaResponse = { universe: [{ name: "BTC", szDecimals: 5, maxLeverage: 40 }, { name: "ETH", szDecimals: 4, maxLeverage: 25 }, { name: "OLD", szDecimals: 1, maxLeverage: 3, isDelisted: true }] };
const token = (name: string, index: number, szDecimals: number) => ({ name, szDecimals, weiDecimals: 8, index, tokenId: "0x00", isCanonical: true });
const spotMeta: SpotMetaResponse = {
  tokens: [token("USDC", 0, 8), token("PURR", 1, 0), token("HYPE", 150, 2)],
  universe: [
    { name: "PURR/USDC", tokens: [1, 0], index: 0, isCanonical: true },
    { name: "@107", tokens: [150, 0], index: 107, isCanonical: true },
  ],
};
const outcomeMeta: OutcomeMetaResponse = {
  outcomes: [
    { outcome: 15, name: "Recurring", description: "class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d", sideSpecs: [{ name: "Yes" }, { name: "No" }], quoteToken: "USDC" },
  ],
};

describe("asset universe", () => {
  const u = buildUniverse({
    meta,
    spotMeta,
    outcomeMeta,
    hip3: { perpDexs: [null, { name: "xyz" }], metas: { xyz: { universe: [{ name: "xyz:XYZ100", szDecimals: 4, maxLeverage: 20 }] } } },
  });

  it("resolves perps by name with their index and size decimals", () => {
    expect(u.ok && resolveAsset(u.value, "ETH")).toMatchObject({ ok: true, value: { assetId: 1, kind: "perp", tick: { kind: "perp", szDecimals: 4 } } });
    expect(u.ok && resolveAsset(u.value, 2)).toMatchObject({ ok: true, value: { coin: "OLD", isDelisted: true } });
  });

  it("resolves spot by wire coin and by pair name, with the base token's decimals", () => {
    expect(u.ok && resolveAsset(u.value, "HYPE/USDC")).toMatchObject({ ok: true, value: { coin: "@107", assetId: 10_107, tick: { kind: "spot", szDecimals: 2 } } });
    expect(u.ok && resolveAsset(u.value, "PURR/USDC")).toMatchObject({ ok: true, value: { assetId: 10_000, tick: { szDecimals: 0 } } });
  });

  it("resolves HIP-3 and both sides of an outcome, labels from outcomeMeta", () => {
    expect(u.ok && resolveAsset(u.value, "xyz:XYZ100")).toMatchObject({ ok: true, value: { assetId: 110_000, kind: "hip3" } });
    expect(u.ok && resolveAsset(u.value, "#151")).toMatchObject({
      ok: true,
      value: { assetId: 100_000_151, tick: { kind: "outcome", szDecimals: 0 }, outcome: { outcome: 15, side: 1, sideName: "No", quoteToken: "USDC", token: "+151" } },
    });
    expect(u.ok && resolveAsset(u.value, "+150")).toMatchObject({ ok: true, value: { coin: "#150" } });
  });

  it("answers unknown assets with an error value", () => {
    expect(u.ok && resolveAsset(u.value, "DOGE")).toEqual({ ok: false, error: { kind: "unknownAsset", query: "DOGE" } });
  });

  it("refuses metas that would give two markets one coin or id", () => {
    const dup = buildUniverse({ meta: { universe: [meta.universe[0]!, meta.universe[0]!] } });
    expect(dup).toMatchObject({ ok: false, error: { kind: "badMeta" } });
  });
});
