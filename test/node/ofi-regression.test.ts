/**
 * Cont, Kukanov & Stoikov (2014) on the real BTC archive hour: the 10-second mid change
 * regressed on the 10-second OFI. Reads data/hyperliquid/archive-2024-01-01-h12 (raw l2Book
 * frames through the wire parser) and runs the whole pipeline.
 */
import { describe, expect, it } from "vitest";
import { findRecording } from "../../scripts/lib/recordings";
import { runReplay } from "../../scripts/lib/replay-runner";

describe("OFI explains BTC mid changes (Cont, Kukanov & Stoikov)", () => {
  it("has a positive slope and an R² near the paper's on the 2024-01-01 12:00 archive hour", () => {
    const spec = findRecording("archive-btc-2024-01-01");
    if (spec === undefined) throw new Error("recording missing from the registry");
    const report = runReplay(spec.load(), spec.markets(), { bucketMs: 10_000 });
    const btc = report.markets[0];
    if (btc === undefined) throw new Error("no BTC market");
    const { slope, r2, n } = btc.ofiRegression;
    console.log(`BTC archive hour, 10 s buckets: n=${n}, slope=${slope.toFixed(4)} USD per BTC of OFI, R²=${r2.toFixed(4)}`);
    expect(n).toBeGreaterThanOrEqual(355);
    // Price rises with buy-side order flow.
    expect(slope).toBeGreaterThan(0);
    // Cont et al. report an average R² of about 65 % over 50 US stocks at 10 s; this hour gives
    // 0.66. The floor of 0.55 still leaves room for a feed sampled every ~0.6 s (best-level
    // changes between two snapshots are unseen), while a wrong branch cannot pass it: each
    // single-branch mutation of e_n tried on this hour (a strict instead of a weak inequality
    // on either side, a flipped sign of either old-size term, the old instead of the new bid
    // size, a swapped price test) gave R² between 0.02 and 0.49, and flipping the sign of e_n
    // turns the slope negative.
    expect(r2).toBeGreaterThan(0.55);
  });
});
