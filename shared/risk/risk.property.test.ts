import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import { freshState, intent, LIMITS } from "./fixtures.test-util";
import { equity, grossNotional, qtyCapLots, worstLots } from "./state";
import { applyAck, applyFill, gate, kill, markToMarket, release } from "./transitions";
import { setReducing, trigger } from "./triggers";
import type { RiskState } from "./types";

// Prices near each mark (within the fat-finger band) in ticks, per market.
const MARKETS = [
  { market: "hl:BTC", ticks: 1_000_000, spread: 40_000 },
  { market: "hl:ETH", ticks: 300_000, spread: 12_000 },
  { market: "hl:#20", ticks: 5_000, spread: 400 },
  { market: "hl:#21", ticks: 5_000, spread: 400 },
] as const;

type Op =
  | { kind: "intent"; m: number; buy: boolean; lots: number; dpx: number }
  | { kind: "fill"; pick: number; frac: number }
  | { kind: "rest"; pick: number }
  | { kind: "close"; pick: number }
  | { kind: "release"; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("intent" as const), m: fc.nat(3), buy: fc.boolean(), lots: fc.integer({ min: 1, max: 3_000 }), dpx: fc.double({ min: -1, max: 1, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("fill" as const), pick: fc.nat(), frac: fc.double({ min: 0.01, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("rest" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("close" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("release" as const), pick: fc.nat() }) },
);

const NOW = 10_000;
const RELAXED = { ...LIMITS, max_open_orders_per_market: 1_000, max_submits_per_min: 1e9, max_order_notional_usd: 1e9, max_drawdown_usd: 1e12 };

/** Applies one op; intents go through the gate and must respect whatever it decided. */
function step(s: RiskState, op: Op, limits = RELAXED): { s: RiskState; decision?: ReturnType<typeof decide>; intentOf?: ReturnType<typeof intent> } {
  const open = Object.values(s.orders);
  const pickOrder = (n: number) => (open.length === 0 ? undefined : open[n % open.length]);
  switch (op.kind) {
    case "intent": {
      const m = MARKETS[op.m]!;
      const o = intent(m.market, op.buy ? "buy" : "sell", op.lots, Math.round(m.ticks + op.dpx * m.spread));
      const g = gate(s, o, limits, NOW);
      return { s: g.state, decision: g.decision, intentOf: o };
    }
    case "fill": {
      const o = pickOrder(op.pick);
      if (o === undefined) return { s };
      const lots = Math.max(1, Math.floor(o.lots * op.frac));
      const r = applyFill(s, { cloid: o.cloid, market: o.market, side: o.side, lots, px: o.px, feeUsd: 0 }, limits, NOW);
      return { s: r.ok ? r.value.state : s };
    }
    case "rest": {
      const o = pickOrder(op.pick);
      const r = o === undefined ? null : applyAck(s, o.cloid, { kind: "resting" });
      return { s: r?.ok ? r.value : s };
    }
    case "close": {
      const o = pickOrder(op.pick);
      const r = o === undefined ? null : applyAck(s, o.cloid, { kind: "closed", totalFilledLots: o.filled });
      return { s: r?.ok ? r.value : s };
    }
    case "release": {
      const o = pickOrder(op.pick);
      return { s: o === undefined ? s : release(s, o.cloid) };
    }
  }
}

describe("risk gate properties", () => {
  it("never lets worst-case exposure exceed max_per_market_qty or max_gross_notional_usd", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        let s = freshState(1e9);
        for (const op of ops) {
          s = step(s, op).s;
          for (const key in s.exposures) {
            const e = s.exposures[key]!;
            const cap = qtyCapLots(RELAXED, key, s.instruments[e.ref]!);
            const w = worstLots(e);
            expect(w.long).toBeLessThanOrEqual(cap);
            expect(w.short).toBeLessThanOrEqual(cap);
            expect(e.pendingLongLots).toBeGreaterThanOrEqual(0);
            expect(e.pendingShortLots).toBeGreaterThanOrEqual(0);
          }
          expect(grossNotional(s)).toBeLessThanOrEqual(RELAXED.max_gross_notional_usd * (1 + 1e-9));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps reservations equal to the sum of open orders", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        let s = freshState(1e9);
        for (const op of ops) s = step(s, op).s;
        const sums: Record<string, { long: number; short: number; n: number }> = {};
        for (const o of Object.values(s.orders)) {
          const inst = s.instruments[o.market]!;
          const key = inst.group ?? inst.market;
          const dir = (o.side === "buy" ? 1 : -1) * (inst.groupSign ?? 1);
          const t = (sums[key] ??= { long: 0, short: 0, n: 0 });
          if (dir === 1) t.long += o.lots;
          else t.short += o.lots;
          t.n++;
        }
        for (const key in s.exposures) {
          const e = s.exposures[key]!;
          const t = sums[key] ?? { long: 0, short: 0, n: 0 };
          expect([e.pendingLongLots, e.pendingShortLots, e.openOrders]).toEqual([t.long, t.short, t.n]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("HALTED passes nothing: kill switch or a global halting trigger rejects every intent", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.array(opArb, { minLength: 1, maxLength: 20 }), fc.boolean(), (before, after, viaKill) => {
        let s = freshState(1e9);
        for (const op of before) s = step(s, op).s;
        s = viaKill ? kill(s, "test", NOW).state : trigger(s, "signer_errors", "*", "3 in a row", NOW).state;
        for (const op of after) {
          const r = step(s, op);
          if (r.decision !== undefined) expect(r.decision.kind).toBe("reject");
          s = r.s;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("REDUCING passes only orders that shrink exposure without flipping it", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.array(opArb, { minLength: 1, maxLength: 30 }), (before, after) => {
        let s = freshState(1e9);
        for (const op of before) s = step(s, op).s;
        s = setReducing(s, "test", NOW).state;
        for (const op of after) {
          const prev = s;
          const r = step(s, op);
          if (r.decision !== undefined && r.decision.kind !== "reject") {
            const o = r.intentOf!;
            const inst = prev.instruments[o.market]!;
            const e = prev.exposures[inst.group ?? inst.market]!;
            const dir = (o.side === "buy" ? 1 : -1) * (inst.groupSign ?? 1);
            const after = dir === 1 ? e.posLots + e.pendingLongLots + r.decision.sz : e.posLots - e.pendingShortLots - r.decision.sz;
            const base = dir === 1 ? e.posLots + e.pendingLongLots : e.posLots - e.pendingShortLots;
            // Moves toward zero and never past it, even once every pending same-side order fills.
            expect(Math.abs(after)).toBeLessThan(Math.abs(base));
            expect(Math.sign(after) * Math.sign(base)).toBeGreaterThanOrEqual(0);
          }
          s = r.s;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("measures drawdown from the running equity peak, not from the start", () => {
    const L = { ...LIMITS, max_drawdown_usd: 50 };
    fc.assert(
      fc.property(fc.array(fc.double({ min: 90_000, max: 110_000, noNaN: true }), { minLength: 1, maxLength: 40 }), (path) => {
        const f = applyFill(freshState(10_000), { market: "hl:BTC", side: "buy", lots: 10, px: 1_000_000, feeUsd: 0 }, L, NOW);
        if (!f.ok) throw new Error("fill");
        let s = f.value.state;
        let peak = s.equityPeakUsd;
        let shouldKill = false;
        for (const mark of path) {
          s = markToMarket(s, { "hl:BTC": mark }, L, NOW).state;
          const eq = equity(s);
          peak = Math.max(peak, eq);
          if (peak - eq > 50) shouldKill = true;
          expect(s.equityPeakUsd).toBeCloseTo(peak, 6);
          expect(s.equityUsd).toBeCloseTo(eq, 6);
          expect(s.killed).toBe(shouldKill);
        }
      }),
      { numRuns: 300 },
    );
  });
});
