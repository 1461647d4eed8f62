import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { isTerminal } from "../execution/order-manager";
import { worstLots } from "../risk";
import { AccountEngine } from "./account-engine";
import { accountConfig, BTC, NO, YES } from "./fixtures.test-util";
import { equityFromPnl, ledgerTotals } from "./ledger";
import type { MarketDecision } from "./types";

const T = 1778385608681;
const INST = { [YES.market]: YES, [NO.market]: NO, [BTC.market]: BTC };

const step = fc.oneof(
  fc.record({ kind: fc.constant("quote" as const), slot: fc.constantFrom("a", "b", "c"), no: fc.boolean(), ticks: fc.integer({ min: 90_000, max: 99_000 }), lots: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("answer" as const), pick: fc.nat(), how: fc.constantFrom("resting", "filled", "rejected", "unknown", "error") }),
  fc.record({ kind: fc.constant("fill" as const), pick: fc.nat(), lots: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("mark" as const), ticks: fc.integer({ min: 1, max: 99_999 }) }),
);

describe("AccountEngine invariants (property)", () => {
  it("worst-case exposure never passes the cap and the books balance after any sequence", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const cfg = accountConfig({ limits: { ...accountConfig().limits, max_per_market_qty: 300, max_drawdown_usd: 1e9, max_gross_notional_usd: 1e6, max_order_notional_usd: 1e6, max_submits_per_min: 100_000, max_open_orders_per_market: 100 } });
        const r = AccountEngine.create(cfg, T);
        if (!r.ok) throw new Error("create");
        const a = r.value;
        let now = T;
        let tid = 0;
        let oid = 0;
        for (const s of steps) {
          now += 100;
          const open = Object.values(a.state.book.orders).filter((o) => !isTerminal(o.status));
          const pick = (n: number) => open[n % Math.max(1, open.length)];
          if (s.kind === "quote") {
            const market = s.no ? NO.market : YES.market;
            const d: MarketDecision = {
              engine: "e",
              seq: 1,
              ts: now,
              slots: [`e:${s.slot}`],
              quotes: [{ slot: `e:${s.slot}`, market, venue: "hl", side: "buy", px: px(s.no ? 100_000 - s.ticks : s.ticks), sz: sz(s.lots), tif: "Alo", tactic: "post_only", strategy: "mm", refPx: px(95_000) }],
              orders: [],
              requote: { refresh_tolerance_ticks: 0, size_tolerance: 0, min_order_age_ms: 0, urgent_ticks: 1 },
              churnPerMin: 100_000,
              context: { strategy: "mm", tradable: true, alpha: 0, signals: {}, regime: { liquidity: "liquid", vol: "normal", extreme: false }, fair: null, mid: null, inputs: {}, notes: [] },
            };
            a.submit(d, now);
          } else if (s.kind === "answer") {
            const o = pick(s.pick);
            if (o === undefined || o.status !== "sent") continue;
            const res =
              s.how === "resting"
                ? { kind: "resting" as const, oid: ++oid }
                : s.how === "filled"
                  ? { kind: "filled" as const, oid: ++oid, totalLots: 0, avgPx: o.intent.px }
                  : s.how === "unknown"
                    ? { kind: "unknown" as const, cause: "timeout" as const }
                    : { kind: s.how, reason: "x", message: "x" };
            a.onSendResult(o.intent.cloid, res as never, now);
          } else if (s.kind === "fill") {
            const o = pick(s.pick);
            if (o === undefined || o.status === "sent") continue;
            const lots = Math.min(s.lots, o.sz - o.filled);
            if (lots <= 0) continue;
            a.onFill({ kind: "fill", venue: "hl", coin: o.intent.market.slice(3), ts: now, px: (o.intent.px / 1e5).toFixed(5), sz: String(lots), side: o.intent.side, oid: o.oid ?? 0, cloid: o.intent.cloid, tid: `t${++tid}`, fee: "0.01", crossed: false }, now);
          } else if (s.kind === "cancel") {
            const o = pick(s.pick);
            if (o !== undefined && (o.status === "resting" || o.status === "partially_filled")) a.onCancelResult(o.intent.cloid, { kind: "ok" }, now);
          } else {
            a.onMarks({ [YES.market]: s.ticks / 1e5, [NO.market]: 1 - s.ticks / 1e5 }, now);
          }
          const e = a.state.risk.exposures["hl:out15"]!;
          const w = worstLots(e);
          expect(w.long).toBeLessThanOrEqual(300);
          expect(w.short).toBeLessThanOrEqual(300);
          const t = ledgerTotals(a.state.ledger, INST);
          expect(t.equityMicros).toBe(equityFromPnl(a.state.ledger, t));
          expect(a.state.ledger.markets[YES.market]?.lots ?? 0).toBe(a.state.risk.positions[YES.market] ?? 0);
          expect(Math.abs(t.equityMicros / 1e6 - a.state.risk.equityUsd)).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 200 },
    );
  });
});
