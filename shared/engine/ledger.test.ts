import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger, equityFromPnl, ledgerFill, ledgerMark, ledgerTotals, MICROS } from "./ledger";
import { BTC, NO, YES } from "./fixtures.test-util";

const INST = { [YES.market]: YES, [NO.market]: NO, [BTC.market]: BTC };

describe("ledger", () => {
  it("books a round trip on the outcome: realised = proceeds − released cost, fees apart", () => {
    const l = createLedger(1_000);
    ledgerFill(l, YES, "buy", 95_000, 100, 0); // 100 YES at 0.95
    ledgerFill(l, YES, "sell", 96_000, 40, 0); // 40 at 0.96
    ledgerMark(l, YES, 955_000); // 0.955 on the finer mark grid
    const t = ledgerTotals(l, INST);
    expect(t.realisedMicros).toBe(0.4 * MICROS); // 40 × 0.01
    expect(l.markets[YES.market]!.lots).toBe(60);
    expect(t.valueMicros).toBe(57.3 * MICROS); // 60 × 0.955
    expect(t.unrealisedMicros).toBe(0.3 * MICROS); // 60 × (0.955 − 0.95)
    expect(t.equityMicros).toBe(equityFromPnl(l, t));
    expect(t.equityMicros).toBe(1_000.7 * MICROS);
  });

  it("flips a perp position through zero with the remainder opening at the fill price, fees charged", () => {
    const l = createLedger(10_000);
    ledgerFill(l, BTC, "buy", 807_430, 1_000, 36_000); // 0.01 BTC at 80743.0, fee 0.036
    ledgerFill(l, BTC, "sell", 807_530, 3_000, 108_000); // 0.03 at 80753.0, fee 0.108: closes 0.01, opens 0.02 short
    const m = l.markets[BTC.market]!;
    expect(m.lots).toBe(-2_000);
    expect(m.realisedMicros).toBe(0.1 * MICROS); // 0.01 × 10
    expect(m.basisMicros).toBe(-1_615.06 * MICROS); // 0.02 × 80753 received
    const t = ledgerTotals(l, INST);
    expect(t.feesMicros).toBe(144_000);
    expect(t.equityMicros).toBe(equityFromPnl(l, t));
  });

  it("balances exactly after any sequence of fills and marks (property)", () => {
    const fill = fc.record({ buy: fc.boolean(), px: fc.integer({ min: 1, max: 99_999 }), lots: fc.integer({ min: 1, max: 5_000 }), fee: fc.integer({ min: -500, max: 5_000 }), mark: fc.integer({ min: 0, max: 999_999 }) });
    fc.assert(
      fc.property(fc.array(fill, { maxLength: 60 }), (fills) => {
        const l = createLedger(5_000);
        let lots = 0;
        for (const f of fills) {
          ledgerFill(l, YES, f.buy ? "buy" : "sell", f.px, f.lots, f.fee);
          ledgerMark(l, YES, f.mark);
          lots += f.buy ? f.lots : -f.lots;
          const t = ledgerTotals(l, INST);
          expect(t.equityMicros).toBe(equityFromPnl(l, t));
          expect(Number.isSafeInteger(t.equityMicros)).toBe(true);
        }
        expect(l.markets[YES.market]?.lots ?? 0).toBe(lots);
        if (lots === 0 && fills.length > 0) expect(l.markets[YES.market]!.basisMicros).toBe(0);
      }),
    );
  });
});
