import { describe, expect, it } from "vitest";
import { casesWith } from "../../../../test/node/hl-fixtures";
import {
  assetKindOfId,
  hip3AssetId,
  outcomeAssetId,
  outcomeCoin,
  outcomeOfAssetId,
  outcomeToken,
  parseOutcomeCoin,
  spotAssetId,
  spotCoin,
} from "../assets";

const cases = casesWith("asset_id");

describe("asset id vectors", () => {
  it("finds the vectors", () => expect(cases.length).toBeGreaterThanOrEqual(20));

  for (const { name, v } of cases) {
    const kind = v.kind ?? (v.outcome !== undefined ? "outcome" : undefined);
    it(name, () => {
      expect(assetKindOfId(v.asset_id)).toBe(kind);
      if (kind === "spot") {
        const index = v.asset_id - 10_000;
        expect(spotAssetId(index)).toBe(v.asset_id);
        if (v.coin !== undefined) expect(spotCoin(index)).toBe(v.coin);
      }
      if (kind === "hip3" && v.perp_dex_index !== undefined) {
        expect(hip3AssetId(v.perp_dex_index, v.index_in_meta)).toBe(v.asset_id);
      }
      if (kind === "outcome") {
        const where = { outcome: v.outcome, side: v.side };
        expect(outcomeAssetId(where)).toBe(v.asset_id);
        expect(outcomeOfAssetId(v.asset_id)).toEqual(where);
        expect(outcomeCoin(where)).toBe(v.coin);
        expect(parseOutcomeCoin(v.coin)).toEqual(where);
        if (v.token !== undefined) {
          expect(outcomeToken(where)).toBe(v.token);
          expect(parseOutcomeCoin(v.token)).toEqual(where);
        }
      }
    });
  }
});
