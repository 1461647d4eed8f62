/**
 * Quote and risk-decision cost (SPEC §18 budget: quote ≤ 5 µs, risk check ≤ 3 µs), driven by the
 * real HIP-4 recording: the top of outcome #150's book (13,337 snapshots over the last 2 h before
 * expiry; the 11,824 with both sides quoted) gives the micro-price, the touch and the time to
 * expiry of every quote. Inventory
 * sweeps −Q…Q so GLFT is timed near its bounds too. GLFT is timed exact with its matrix work
 * cached (the grid is built once per parameter set, reported separately) against the
 * asymptotic formula and Avellaneda-Stoikov.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RISK_DEFAULTS } from "../shared/config/risk";
import { px, sz } from "../shared/core/units";
import type { Instrument, OrderIntent } from "../shared/execution/types";
import { createRiskState, decide, gate, markToMarket, registerInstrument, type RiskLimits, type RiskState } from "../shared/risk";
import { asQuote } from "../shared/strategies/avellaneda";
import { GlftCache, GlftSolver, glftAsymptotic } from "../shared/strategies/glft";
import { quoteOutcome, type MmParams } from "../shared/strategies/outcome-quoter";
import { measure, printTable, type BenchContext } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const BOOK = join(here, "..", "data", "hyperliquid", "hip4-2026-05-10", "prediction_binary__book_snapshot__H150.jsonl");
/** Outcome 15 expires 2026-05-10 06:00 UTC (class:priceBinary|…|expiry:20260510-0600). */
const EXPIRY_MS = Date.UTC(2026, 4, 10, 6, 0);
/** HIP-4 prices print with at most 5 decimals: quote on a 0.00001 grid. */
const TPU = 100_000;

interface Frame {
  bid: number;
  ask: number;
  micro: number;
  tau: number;
}

function loadFrames(): Frame[] {
  const out: Frame[] = [];
  for (const line of readFileSync(BOOK, "utf8").split("\n")) {
    if (line.length === 0) continue;
    const r = JSON.parse(line) as { exchange_ts: string; bid_px: number[]; bid_sz: number[]; ask_px: number[]; ask_sz: number[] };
    const [b, a, bs, as] = [r.bid_px[0], r.ask_px[0], r.bid_sz[0], r.ask_sz[0]];
    if (b === undefined || a === undefined || bs === undefined || as === undefined) continue;
    const ms = Number(BigInt(r.exchange_ts) / 1_000_000n);
    out.push({ bid: Math.round(b * TPU), ask: Math.round(a * TPU), micro: (b * as + a * bs) / (bs + as), tau: (EXPIRY_MS - ms) / 1000 });
  }
  return out;
}

// peers.md §5.5 outcome example, quoted in 1-share units up to ±50.
const SIGMA = 0.0005;
const GLFT = { sigma: SIGMA, A: 0.05, k: 200, gamma: 5, Q: 50 };
const MM: MmParams = {
  model: "glft",
  gamma: 5,
  kappa: 200,
  arrival_A: 0.05,
  order_size: 1,
  min_size: 1,
  max_inventory: 50,
  glft_switch_frac: 0.5,
  glft_sigma_step: 0,
  reduce_only_secs: 0,
  min_notional_usd: 0,
};

/** The SPEC defaults, loosened so that the measured decisions pass (a rejection is cheaper). */
const LIMITS: RiskLimits = {
  ...RISK_DEFAULTS,
  max_open_orders_per_market: 50,
  max_per_market_qty: 5_000,
  max_order_notional_usd: 5_000,
  max_gross_notional_usd: 50_000,
  max_drawdown_usd: 1_000,
  max_submits_per_min: 1e9,
  max_px_deviation_bps: 2_000,
};

const INSTRUMENTS: Instrument[] = [
  { market: "hl:#150", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "hl:out15", groupSign: 1, minNotionalUsd: 10 },
  { market: "hl:#151", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "hl:out15", groupSign: -1, minNotionalUsd: 10 },
  { market: "hl:BTC", venue: "hl", pxDecimals: 0, szDecimals: 5, payoff: "linear" },
  { market: "hl:ETH", venue: "hl", pxDecimals: 1, szDecimals: 4, payoff: "linear" },
];

let seq = 0;
function intent(market: string, side: "buy" | "sell", lots: number, ticks: number): OrderIntent {
  seq++;
  return {
    cloid: `0x${seq.toString(16).padStart(32, "0")}`,
    market,
    venue: "hl",
    side,
    px: px(ticks),
    sz: sz(lots),
    tif: "Alo",
    reduceOnly: false,
    tactic: "post_only",
    strategy: "mm",
    slot: `bench:${seq}`,
    refPx: px(ticks),
    createdMs: 0,
  };
}

/** A risk state with the four instruments marked and 24 reservations resting, as mid-session. */
function riskState(f: Frame): RiskState {
  let s = createRiskState(10_000, 0, LIMITS);
  for (const inst of INSTRUMENTS) {
    const r = registerInstrument(s, inst);
    if (r.ok) s = r.value;
  }
  s = markToMarket(s, { "hl:#150": f.micro, "hl:#151": 1 - f.micro, "hl:BTC": 80_000, "hl:ETH": 2_300 }, LIMITS, 0).state;
  for (let i = 0; i < 6; i++) {
    s = gate(s, intent("hl:#150", "buy", 20, f.bid - i), LIMITS, 0).state;
    s = gate(s, intent("hl:#151", "buy", 20, TPU - f.ask - i), LIMITS, 0).state;
    s = gate(s, intent("hl:BTC", "buy", 100, 79_990 - i), LIMITS, 0).state;
    s = gate(s, intent("hl:ETH", "sell", 1_000, 23_010 + i), LIMITS, 0).state;
  }
  return s;
}

export default async function strategyBench(ctx: BenchContext): Promise<void> {
  const frames = loadFrames();
  const n = frames.length;
  const qOf = (i: number): number => (i % 101) - 50;
  const maxTau = Math.max(...frames.map((f) => f.tau));

  const t0 = process.hrtime.bigint();
  const cold = new GlftSolver(GLFT);
  cold.depths(maxTau, 0);
  const glftBuildMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const solver = new GlftSolver(GLFT);
  solver.depths(maxTau, 0);
  const cache = new GlftCache();
  const opts = { batch: 500, samples: 200 };

  const quotes = [
    measure("AS quote", (i) => {
      const f = frames[i % n]!;
      return asQuote(f.micro, qOf(i), SIGMA, f.tau, { gamma: 5, kappa: 200 });
    }, opts),
    measure("GLFT asymptotic", (i) => glftAsymptotic(GLFT, qOf(i)), opts),
    measure("GLFT exact (cached)", (i) => solver.depths(frames[i % n]!.tau, qOf(i)), opts),
    measure("quoter AS (snap+clamp+legs)", (i) => {
      const f = frames[i % n]!;
      const q = qOf(i);
      return quoteOutcome({ ticksPerUnit: TPU, bestBid: px(f.bid), bestAsk: px(f.ask), micro: f.micro, sigma: SIGMA, tauSecs: f.tau, yesLots: sz(Math.max(0, q)), noLots: sz(Math.max(0, -q)) }, { ...MM, model: "as" }, cache);
    }, opts),
    measure("quoter GLFT exact (full)", (i) => {
      const f = frames[i % n]!;
      const q = qOf(i);
      return quoteOutcome({ ticksPerUnit: TPU, bestBid: px(f.bid), bestAsk: px(f.ask), micro: f.micro, sigma: SIGMA, tauSecs: f.tau, yesLots: sz(Math.max(0, q)), noLots: sz(Math.max(0, -q)) }, MM, cache);
    }, opts),
  ];
  printTable(`quote per real HIP-4 frame (${n} two-sided #150 book tops, q swept ±50)`, quotes, "AS quote");

  const base = riskState(frames[0]!);
  const probes = frames.slice(0, 4096).map((f, i) => {
    const k = i % 4;
    if (k === 0) return intent("hl:#150", "buy", 25, f.bid);
    if (k === 1) return intent("hl:#151", "buy", 25, TPU - f.ask);
    if (k === 2) return intent("hl:BTC", i % 8 === 2 ? "buy" : "sell", 50, 80_000);
    return intent("hl:ETH", "buy", 500, 23_000);
  });
  const risk = [
    measure("risk decide", (i) => decide(base, probes[i % probes.length]!, LIMITS, 1_000), opts),
    measure("risk gate (decide + reserve)", (i) => gate(base, probes[i % probes.length]!, LIMITS, 1_000), opts),
  ];
  printTable("risk decision (4 instruments, 24 reservations)", risk, "risk decide");
  console.log(`GLFT matrix work, once per (σ, A, k, γ, Q): ${glftBuildMs.toFixed(1)} ms, ${solver.gridPoints} grid points of ${2 * GLFT.Q + 1}`);

  ctx.record("strategy", [...quotes, ...risk], {
    frames: n,
    source: "data/hyperliquid/hip4-2026-05-10 #150 book tops",
    goals: { quoteUs: 5, riskUs: 3 },
    glftBuildMs,
    glftGridPoints: solver.gridPoints,
  });
}
