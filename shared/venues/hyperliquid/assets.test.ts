import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assetKindOfId, coinKind, hip3AssetId, outcomeAssetId, outcomeOfAssetId, parseOutcomeCoin, perpAssetId, spotAssetId } from "./assets";

describe("asset ids", () => {
  it("outcome ids and coins round-trip for every outcome and side", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 7 }), fc.constantFrom<0 | 1>(0, 1), (outcome, side) => {
        const id = outcomeAssetId({ outcome, side });
        expect(assetKindOfId(id)).toBe("outcome");
        expect(outcomeOfAssetId(id)).toEqual({ outcome, side });
        expect(parseOutcomeCoin(`#${10 * outcome + side}`)).toEqual({ outcome, side });
      }),
    );
  });

  it("refuses side digits other than 0 and 1 and non-canonical encodings", () => {
    for (const coin of ["#12", "#0019", "#01", "#", "#-10", "@10", "+1.0"]) expect(parseOutcomeCoin(coin)).toBeNull();
    expect(outcomeOfAssetId(100_000_012)).toBeNull();
    expect(assetKindOfId(100_000_012)).toBeNull();
  });

  it("classifies id ranges, with the gap below the first HIP-3 dex", () => {
    expect([0, 9_999, 10_000, 99_999, 100_000, 109_999, 110_000, 99_999_999, -1, 1.5].map(assetKindOfId)).toEqual([
      "perp", "perp", "spot", "spot", null, null, "hip3", "hip3", null, null,
    ]);
  });

  it("builds ids within their ranges and throws on out-of-range indices (programming errors)", () => {
    expect([perpAssetId(3), spotAssetId(107), hip3AssetId(2, 5)]).toEqual([3, 10_107, 120_005]);
    expect(() => perpAssetId(10_000)).toThrow(RangeError);
    expect(() => hip3AssetId(0, 1)).toThrow(RangeError);
    expect(() => outcomeAssetId({ outcome: 1, side: 2 as 0 })).toThrow(RangeError);
  });

  it("tells the coin kinds apart as printed on the wire", () => {
    expect(["BTC", "kPEPE", "@107", "PURR/USDC", "xyz:XYZ100", "#20"].map(coinKind)).toEqual(["perp", "perp", "spot", "spot", "hip3", "outcome"]);
  });
});
