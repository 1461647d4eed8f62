/**
 * Backtest speed: µs per recorded frame (and frames/s) for each strategy over its whole real
 * recording, the live MarketEngine + AccountEngine + matching venue in the loop, next to the
 * market pipeline alone replaying the same frames (scripts/lib/replay-runner) as the baseline.
 * Loading and parsing the files is excluded; each row is the median of whole runs.
 */
import { DEFAULT_PRESET, type StrategyName } from "../scripts/lib/backtest-presets";
import { loadInput, runStrategy, type LoadedInput } from "../scripts/lib/backtest-run";
import { runReplay } from "../scripts/lib/replay-runner";
import { fromDurations, printTable, type BenchContext, type Sample } from "./harness";

const RUNS = 5;

function perFrame(name: string, frames: number, run: () => void): Sample {
  const us: number[] = [];
  run(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    run();
    us.push(Number(process.hrtime.bigint() - t0) / 1000 / frames);
  }
  return fromDurations(name, us);
}

function section(li: LoadedInput, strategies: StrategyName[], ctx: BenchContext): void {
  const frames = li.input.events.length;
  const rows: Sample[] = [perFrame("pipeline replay only", frames, () => void runReplay(li.loaded, li.spec.markets(), {}, li.spec.pair))];
  const headline: Record<string, unknown> = {};
  for (const s of strategies) {
    let fills = 0;
    rows.push(
      perFrame(`backtest ${s}`, frames, () => {
        const r = runStrategy(s, li, DEFAULT_PRESET);
        if (!r.ok) throw new Error(r.error);
        fills = r.value.report.fills.count;
      }),
    );
    headline[s] = { fills };
  }
  printTable(`backtest over ${li.spec.name} (${frames} frames), µs per frame`, rows, "pipeline replay only");
  for (const r of rows) console.log(`  ${r.name}: ${Math.round(1e6 / r.medianUs).toLocaleString("en-US")} frames/s`);
  ctx.record(`backtest ${li.spec.name}`, rows, { frames, framesPerSecond: Object.fromEntries(rows.map((r) => [r.name, Math.round(1e6 / r.medianUs)])), ...headline });
}

export default async function (ctx: BenchContext): Promise<void> {
  const hip4 = loadInput("hip4-2026-05-10");
  const btcEth = loadInput("btc-eth-2025-09-04");
  if (!hip4.ok || !btcEth.ok) throw new Error("recordings");
  section(hip4.value, ["as", "fixed", "parity"], ctx);
  section(btcEth.value, ["ofi"], ctx);
}
