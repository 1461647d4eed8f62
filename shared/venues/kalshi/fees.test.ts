import { describe, expect, it } from "vitest";
import { parseScaled } from "../../core/decimal";
import vectors from "../../../test/fixtures/vectors/kalshi/fee_rounding.json";
import { KALSHI_MAKER, KALSHI_TAKER, kalshiFee, kalshiFeePerContract, kalshiOrderFees } from "./fees";

const micros = (s: string): number | null => parseScaled(s, 6);

describe("Kalshi quadratic fee", () => {
  it("matches the taker examples, raw and rounded up (cent, centicent, 6 dp)", () => {
    const rows = vectors.quadratic_fee_model["computed_examples_taker_0.07"];
    expect(rows.length).toBe(5);
    for (const v of rows) {
      const C = String(v.C);
      const cent = kalshiFee(C, v.P, KALSHI_TAKER);
      expect(cent.ok).toBe(true);
      if (!cent.ok) continue;
      expect(cent.value.raw).toBe(v.raw);
      if (v.ceil_cent !== undefined) expect(micros(cent.value.fee)).toBe(micros(v.ceil_cent));
      if (v.ceil_centicent !== undefined && v.ceil_6dp !== undefined) {
        const cc = kalshiFee(C, v.P, { ...KALSHI_TAKER, rounding: "centicent" });
        expect(cc.ok && micros(cc.value.fee)).toBe(micros(v.ceil_centicent));
        const m = kalshiFee(C, v.P, { ...KALSHI_TAKER, rounding: "micro" });
        expect(m.ok && micros(m.value.fee)).toBe(micros(v.ceil_6dp));
      }
    }
  });

  it("matches the maker example", () => {
    for (const v of vectors.quadratic_fee_model["computed_examples_maker_0.0175"]) {
      const f = kalshiFee(String(v.C), v.P, KALSHI_MAKER);
      expect(f.ok && f.value.raw).toBe(v.raw);
      expect(f.ok && micros(f.value.fee)).toBe(micros(v.ceil_cent));
    }
  });

  it("gives example 3's trade fee: 0.07·0.03·0.3301·0.6699 rounded up to the centicent is 0.0005", () => {
    const f = kalshiFee("0.03", "0.3301", { ...KALSHI_TAKER, rounding: "centicent" });
    expect(f.ok && f.value.fee).toBe("0.0005");
  });

  it("applies the multiplier and refuses bad input as a typed error", () => {
    const doubled = kalshiFee("100", "0.25", { ...KALSHI_TAKER, multiplier: "2" });
    expect(doubled.ok && doubled.value.fee).toBe("2.63");
    for (const [c, p] of [["-1", "0.5"], ["1", "1.5"], ["1", "x"], ["1e3", "0.5"]] as const) {
      const r = kalshiFee(c, p, KALSHI_TAKER);
      expect(r.ok).toBe(false);
    }
  });

  it("prices the per-contract fee, larger for small orders because of rounding up", () => {
    expect(kalshiFeePerContract(1, 0.5, KALSHI_TAKER)).toBeCloseTo(0.02, 12);
    expect(kalshiFeePerContract(100, 0.5, KALSHI_TAKER)).toBeCloseTo(0.0175, 12);
  });
});

describe("Kalshi fee rounding with the per-order accumulator (docs' worked examples)", () => {
  it("reproduces every fill of the three examples", () => {
    expect(vectors.examples.length).toBe(3);
    for (const ex of vectors.examples) {
      const fills = ex.fills.map(() => ({ revenue: ex.per_fill.revenue, tradeFee: ex.per_fill.trade_fee }));
      const r = kalshiOrderFees(fills, "0.01");
      expect(r.ok, ex.name).toBe(true);
      if (!r.ok) continue;
      ex.fills.forEach((want, i) => {
        const got = r.value[i]!;
        expect(micros(got.tradeFee), ex.name).toBe(micros(want.trade_fee));
        expect(micros(got.rounding), ex.name).toBe(micros(want.rounding));
        expect(micros(got.accumulator), ex.name).toBe(micros(want.accumulator));
        expect(micros(got.rebate), ex.name).toBe(micros(want.rebate));
        expect(micros(got.netFee), ex.name).toBe(micros(want.net_fee));
        expect(micros(got.balanceChange), ex.name).toBe(micros(want.balance_change));
      });
      expect(micros(r.value[0]!.rounding)).toBe(micros(ex.per_fill.rounding_fee));
      expect(micros(r.value[0]!.balanceChange)).toBe(micros(ex.per_fill.balance_change));
    }
  });

  it("takes no rounding for direct members whose balance precision already fits", () => {
    const r = kalshiOrderFees([{ revenue: "-0.0550", tradeFee: "0.0085" }], "0.0001");
    expect(r.ok && r.value[0]!.rounding).toBe("0");
    expect(r.ok && r.value[0]!.netFee).toBe("0.0085");
  });
});
