import { describe, expect, it } from "vitest";
import vectors from "../../../test/fixtures/vectors/polymarket/fees.json";
import {
  adjustBuyAmountForFees,
  builderFeeUsd,
  platformFeeAmount,
  platformFeeRateFactor,
  platformFeeUsd,
  takerFeePerShare,
} from "./fees";

const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe("Polymarket platform fee (clob-client-v2 vectors)", () => {
  it("matches every rate-0.25, exponent-2 fee on 100 shares (and 125.5)", () => {
    for (const v of vectors["platform_fee_rate0.25_exp2_100_shares"]) {
      const shares = v.shares ?? 100;
      close(platformFeeUsd(shares, v.price, 0.25, 2), v.fee);
    }
  });

  it("matches the builder fee and the combined total", () => {
    for (const v of vectors.builder_fee) close(builderFeeUsd(v.price * v.shares, v.rate), v.fee);
    const c = vectors.combined;
    const platform = platformFeeUsd(c.shares, c.price, c.rate, c.exponent);
    const builder = builderFeeUsd(c.price * c.shares, c.builder_rate);
    close(platform, c.platform);
    close(builder, c.builder);
    close(platform + builder, c.total);
  });

  it("matches the production rates on a $100 BUY (shares = 100 / price)", () => {
    const cats = Object.values(vectors.production_rates_v2).filter((c) => typeof c === "object");
    expect(cats.length).toBe(4);
    for (const cat of cats) {
      for (const [price, fee] of Object.entries(cat.fee_at)) {
        const p = Number(price);
        close(platformFeeUsd(100 / p, p, cat.rate, cat.exponent), fee);
      }
    }
  });

  it("crypto taker fee per share is 0.072·p·(1−p): 0.018 at p = 0.5", () => {
    close(takerFeePerShare(0.5, 0.072, 1), 0.018);
  });
});

describe("Polymarket buy amount under a balance", () => {
  const rates: Record<string, number> = {
    sports_fees_v2: 0.03,
    rate_0_04: 0.04,
    rate_0_05: 0.05,
    crypto_fees_v2: 0.072,
  };

  it("reproduces the one-step adjustment figures and never overspends with the exact search", () => {
    for (const [name, table] of Object.entries(vectors.adjust_for_balance_equal_amount_100)) {
      if (typeof table !== "object") continue;
      const rate = rates[name.replace(".", "_")];
      expect(rate, name).toBeDefined();
      for (const [price, row] of Object.entries(table)) {
        const p = Number(price);
        close(platformFeeUsd(100 / p, p, rate!, 1), row.originalFee);
        close(100 - row.originalFee, row.adjusted);
        close(platformFeeUsd(row.adjusted / p, p, rate!, 1), row.adjustedFee);
        close(row.adjusted + row.adjustedFee, row.final);
        const exact = adjustBuyAmountForFees({
          amountUsd: 100,
          maxSpendUsd: 100,
          price,
          rate: rate!,
          exponent: 1,
          builderTakerRate: 0,
        });
        expect(exact.ok).toBe(true);
        if (!exact.ok) continue;
        const a = Number(exact.value) / 1e6;
        // The exact search spends more of the balance than the one-step heuristic, never more than all of it.
        expect(a).toBeGreaterThanOrEqual(row.adjusted);
        expect(a + platformFeeUsd(a / p, p, rate!, 1)).toBeLessThanOrEqual(100 + 1e-5);
      }
    }
  });
});

describe("Polymarket exact fee arithmetic (ts-sdk vectors)", () => {
  it("computes the fee-rate factors as exact ratios", () => {
    for (const v of vectors.ts_sdk_fixed_point.filter((x) => x.fn === "platformFeeRateFactor")) {
      const f = platformFeeRateFactor(v.price!, v.rate!, v.exponent!);
      expect(f.ok).toBe(true);
      if (f.ok) expect(`${f.value.num}/${f.value.den}`).toBe(v.expected_ratio);
    }
  });

  it("quantises fees to 5 decimals after the full factor, down or up", () => {
    for (const v of vectors.ts_sdk_fixed_point.filter((x) => x.fn === "platformFeeAmount")) {
      const [num, den] = v.factor!.split("/").map((s) => BigInt(s));
      const amount = platformFeeAmount(BigInt(v.shares_scaled!), { num: num!, den: den! }, v.round as "down" | "up");
      expect(amount.toString()).toBe(v.expected);
    }
  });

  it("finds the largest buy amount that fits the spend cap", () => {
    const cases = vectors.ts_sdk_fixed_point.filter((x) => x.fn === "adjustBuyAmountForFees");
    expect(cases.length).toBe(3);
    for (const v of cases) {
      const r = adjustBuyAmountForFees({
        amountUsd: v.amount!,
        maxSpendUsd: v.maxSpend!,
        price: v.price!,
        rate: v.rate!,
        exponent: v.exponent!,
        builderTakerRate: v.builderTakerFeeRate!,
      });
      expect(r.ok && r.value.toString()).toBe(v.expected);
    }
  });

  it("refuses prices outside (0, 1) as a typed error", () => {
    for (const bad of ["0", "1", "1.5", "-0.2", "abc"]) {
      const f = platformFeeRateFactor(bad, 0.072, 1);
      expect(f.ok).toBe(false);
      if (!f.ok) expect(f.error.kind).toBe("bad_price");
    }
  });
});
