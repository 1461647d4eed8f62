/*
 * The backtest's fill model respects queue position, shown on a real slice of the HIP-4
 * recording: outcome #150 between 04:00:08.681 and 04:01:14.7 UTC, where the 0.95139 bid level
 * shows 60 shares, later grows, and is traded down and finally through.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseScaled } from "../../../shared/core/decimal";
import { px, sz } from "../../../shared/core/units";
import { createLedger } from "../../../shared/engine/ledger";
import type { MarketEvent } from "../../../shared/events";
import type { Instrument, OrderIntent } from "../../../shared/execution/types";
import { OUTCOME_FEES } from "../../../shared/matching/fees";
import { SimVenue, type VenueMessage } from "../../../shared/backtest/venue";
import { loadInput } from "../../../scripts/lib/backtest-run";

const T = 1778385608681; // the book that shows 0.95139 × 60 as its third bid level
const P = "0.95139";
const YES: Instrument = { market: "hl:#150", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "g", groupSign: 1 };
const NO: Instrument = { ...YES, market: "hl:#151", groupSign: -1 };

let slice: MarketEvent[] = [];
beforeAll(() => {
  const li = loadInput("hip4-2026-05-10", T, T + 70_000);
  if (!li.ok) throw new Error(li.error);
  slice = li.value.input.events.filter((e) => e.coin === "#150");
});

const bid = (cloid: string, ts: number): OrderIntent => ({
  cloid,
  market: YES.market,
  venue: "hl",
  side: "buy",
  px: px(95_139),
  sz: sz(10),
  tif: "Gtc",
  reduceOnly: false,
  tactic: "gtc",
  strategy: "mm",
  slot: cloid,
  refPx: px(95_139),
  createdMs: ts,
});

/** Recorded shares shown at P by the last book before `t`, and sold into P from `t` up to and including `until`. */
function shownAt(t: number): number {
  let shown = 0;
  for (const e of slice) {
    if (e.ts >= t) break;
    if (e.kind === "book") shown = Number(e.bids.find((l) => l.px === P)?.sz ?? 0);
  }
  return shown;
}
function soldAt(from: number, until: number): number {
  let v = 0;
  for (const e of slice) if (e.kind === "trade" && e.side === "sell" && e.px === P && e.ts >= from && e.ts <= until) v += Number(e.sz);
  return v;
}

describe("queue position on the recorded #150 book", () => {
  it("fills an order only once the size shown ahead of it has traded; one that joined behind more fills only when a print goes through its price", () => {
    const venue = new SimVenue([{ coin: "#150", dualCoin: "#151", pxDecimals: 5, szDecimals: 0, fees: OUTCOME_FEES }], { [YES.market]: YES, [NO.market]: NO }, createLedger(0));
    const out: VenueMessage[] = [];
    const arrivals: [string, number][] = [
      ["A", T + 500],
      ["B", T + 25_000],
    ];
    const placed: Record<string, number> = {};
    for (const e of slice) {
      for (const [id, at] of arrivals) {
        if (placed[id] === undefined && e.ts >= at) {
          venue.submit(bid(id, e.ts), e.ts, out);
          placed[id] = e.ts;
        }
      }
      venue.onRecorded(e, out);
    }
    expect(out.filter((m) => m.kind === "send_result").map((m) => m.kind === "send_result" && m.result.kind)).toEqual(["resting", "resting"]);
    const fills = venue.fills;
    const a = fills.filter((f) => f.cloid === "A");
    const b = fills.filter((f) => f.cloid === "B");

    // A joined behind the 60 shares the book showed at 0.95139.
    const aheadA = shownAt(placed["A"]!);
    expect(aheadA).toBe(60);
    // Two sells into 0.95139 (20 at +54.3 s, 28 at +54.7 s) make 48 < 60: no fill yet. The next
    // block's first print (20 at +63.2 s) takes the last 12 ahead and 8 of ours.
    const firstA = a[0]!;
    expect(firstA.ts).toBe(T + 63_175);
    expect(soldAt(placed["A"]!, firstA.ts - 1)).toBe(48);
    expect(soldAt(placed["A"]!, firstA.ts - 1)).toBeLessThan(aheadA);
    expect(firstA).toMatchObject({ lots: 8, source: "trade", px: 95_139 });
    expect(a.reduce((s, f) => s + f.lots, 0)).toBe(10);

    // B joined 25 s in behind 165 shares; every print at its price afterwards adds up to less.
    const aheadB = shownAt(placed["B"]!);
    expect(aheadB).toBe(165);
    const lastAtP = slice.filter((e) => e.kind === "trade" && e.px === P).at(-1)!.ts;
    expect(soldAt(placed["B"]!, lastAtP)).toBeLessThan(aheadB);
    // It fills only when the aggressor goes through its price (0.95109 printed at +64.5 s).
    expect(b.map((f) => [f.ts - T, f.source, f.lots])).toEqual([[64_536, "trade", 10]]);
    expect(b[0]!.ts).toBe(slice.find((e) => e.kind === "trade" && parseScaled(e.px, 5)! < 95_139)!.ts);
  });
});
