import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perpFill, type Position, spotFill, unrealizedPnl } from "./ledger";

// BTC on the perp grid: prices in 0.1 ticks, sizes in 0.00001 lots.
const btc = (pos: Position, buy: boolean, px: number, sz: number) => perpFill(pos, buy, px * 10, sz, 1, 5);

describe("perp fills", () => {
  it("opens, adds, closes with realised PnL and flips", () => {
    let r = btc({ szi: 0, entryNtl: 0 }, true, 109756, 10_000); // buy 0.1 @ 109756
    expect(r).toMatchObject({ dir: "Open Long", closedPnl: 0, after: { szi: 10_000, entryNtl: 10_975_600_000 } });
    r = btc(r.after, true, 109_800, 10_000); // buy 0.1 @ 109800 -> avg 109778
    expect(r.after).toEqual({ szi: 20_000, entryNtl: 21_955_600_000 });
    r = btc(r.after, false, 110_000, 5_000); // sell 0.05 @ 110000: (110000 - 109778) * 0.05 = 11.1
    expect(r).toMatchObject({ dir: "Close Long", closedPnl: 11_100_000, after: { szi: 15_000 } });
    r = btc(r.after, false, 109_000, 25_000); // sell 0.25: close 0.15 at a loss, open 0.1 short
    expect(r.dir).toBe("Long > Short");
    expect(r.closedPnl).toBe(-116_700_000); // (109000 - 109778) * 0.15
    expect(r.after).toEqual({ szi: -10_000, entryNtl: 10_900_000_000 });
    expect(unrealizedPnl(r.after, 1_089_000, 1, 5)).toBe(10_000_000); // short 0.1 from 109000 at 108900
  });

  it("conserves money: closing everything realises exactly exit minus entry", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ buy: fc.boolean(), px: fc.integer({ min: 900_000, max: 1_200_000 }), sz: fc.integer({ min: 1, max: 50_000 }) }), {
          maxLength: 30,
        }),
        (trades) => {
          let pos: Position = { szi: 0, entryNtl: 0 };
          let cash = 0; // what the trades paid (-) and received (+), in micro-USDC
          let realised = 0;
          for (const t of trades) {
            const r = perpFill(pos, t.buy, t.px, t.sz, 1, 5);
            realised += r.closedPnl;
            cash += (t.buy ? -1 : 1) * t.px * t.sz; // at 1 + 5 decimals a tick times a lot is one micro-USDC
            pos = r.after;
          }
          // Flatten at one price; the realised PnL of the round trip is its cash flow.
          const flat = 1_000_000;
          if (pos.szi !== 0) {
            const r = perpFill(pos, pos.szi < 0, flat, Math.abs(pos.szi), 1, 5);
            realised += r.closedPnl;
            cash += (pos.szi < 0 ? -1 : 1) * flat * Math.abs(pos.szi);
          }
          // Pro-rata cost removal floors once per partial close.
          expect(Math.abs(realised - cash)).toBeLessThanOrEqual(trades.length + 1);
        },
      ),
    );
  });
});

describe("outcome fills", () => {
  it("buys at cost and sells pro rata from the cost basis", () => {
    // 100 YES at 0.95236 then sell 40 at 0.9555 (5-decimal prices, whole shares).
    const b = spotFill({ szi: 0, entryNtl: 0 }, true, 95_236, 100, 5, 0);
    expect(b).toMatchObject({ dir: "Buy", quoteDelta: -95_236_000, after: { szi: 100, entryNtl: 95_236_000 } });
    const s = spotFill(b.after, false, 95_550, 40, 5, 0);
    expect(s).toMatchObject({ dir: "Sell", quoteDelta: 38_220_000, closedPnl: 125_600, after: { szi: 60, entryNtl: 57_141_600 } });
  });
});
