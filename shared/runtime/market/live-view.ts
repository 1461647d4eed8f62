/**
 * The small live picture of one market that rides on the 4 Hz stream (MarketStatus.live), so a
 * page without the admin token sees the market: top of book per coin the engine listens to
 * (exact decimal strings), mid, micro-price, spread, σ, every signal with its exchange time, the
 * regimes, alpha, and the strategy's inputs even when it did not act (pulled quotes leave the
 * engine's context empty, so they are rebuilt here from the books, the account slice and the
 * knobs, the way the strategy would have computed them). Field names follow PipelineSnapshot
 * and DecisionContext, so readers of the admin snapshot read this the same way.
 */
import type { MarketConfig } from "../../config";
import type { LevelStr } from "../../events";
import type { AccountSlice, DecisionContext, MarketEngineSnapshot, StrategySpec } from "../../engine/types";
import { SECONDS_PER_YEAR } from "../../market/ewma-vol";
import type { PipelineSnapshot } from "../../pipeline/snapshot";
import type { SignalReading } from "../../signals/signal-state";
import { asQuote } from "../../strategies/avellaneda";
import { cashOrNothing } from "../../strategies/digital";
import type { StageHistogramsView } from "../latency-histogram";

export interface LivePipeline {
  coin: string;
  /** Exchange ms of the pipeline's latest event. */
  ts: number;
  bookValid: boolean;
  tradable: boolean;
  /** Best level each side (best first), exact decimal strings. */
  book: { bids: LevelStr[]; asks: LevelStr[] };
  /** Price units; null where the book has no value yet. */
  market: { mid: number | null; micro: number | null; spread: number | null; spreadBps: number | null; imbalance: number | null; sigmaPerSqrtSec: number | null; sigmaAnnualised: number | null; mark: number | null };
  signals: SignalReading[];
  regime: PipelineSnapshot["regime"];
  alpha: { alpha: number };
}

export type Inputs = Record<string, number | string | boolean | null>;

export interface MarketLive {
  /** Local ms the view was built. */
  builtAt: number;
  pipelines: LivePipeline[];
  /** The engine's context of its latest decide() with `inputs` completed (see inputsSource). */
  context: (Omit<DecisionContext, "inputs"> & { inputs: Inputs }) | null;
  /** "strategy": the strategy's own inputs, rebuilt ones only filling names it does not report; "rebuilt": it did not run. */
  inputsSource: "strategy" | "rebuilt";
  /** An outcome's settlement time (exchange ms) and, for parity, its strike (USD). */
  outcome: { expiryMs: number; strike: number | null } | null;
  /** This market's frame -> decision and submit round-trip histograms (the order path's are the RiskDO's). */
  latency: StageHistogramsView | null;
  /** The knobs the 3D views draw with (a subset of MarketSnapshot.params, same names). */
  params: { mm: Pick<MarketConfig["mm"], "gamma" | "kappa" | "order_size" | "max_inventory">; parity: Pick<MarketConfig["parity"], "min_edge"> };
}

const finite = (x: number): number | null => (Number.isFinite(x) && x !== 0 ? x : null);
const real = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function livePipeline(p: PipelineSnapshot): LivePipeline {
  const m = p.market;
  const bid = p.book.bids[0];
  const ask = p.book.asks[0];
  return {
    coin: p.coin,
    ts: p.ts,
    bookValid: p.bookValid,
    tradable: p.tradable,
    book: { bids: bid === undefined ? [] : [bid], asks: ask === undefined ? [] : [ask] },
    market: {
      mid: finite(m.mid),
      micro: finite(m.micro),
      spread: finite(m.bid) !== null && finite(m.ask) !== null ? m.ask - m.bid : null,
      spreadBps: real(m.spreadBps),
      imbalance: real(m.imbalance),
      sigmaPerSqrtSec: real(m.sigmaPerSqrtSec),
      sigmaAnnualised: real(m.sigmaAnnualised),
      mark: finite(m.mark),
    },
    signals: p.signals.map((s) => ({ name: s.name, value: s.value, ts: s.ts, fresh: s.fresh })),
    regime: { ...p.regime },
    alpha: { alpha: p.alpha.alpha },
  };
}

const coinOf = (market: string): string => market.slice(market.indexOf(":") + 1);

/** What the strategy would have used at venue time `nowMs` (AS/GLFT: σ, q, T−t, γ, κ, r, δ; parity: S, K, σ, τ, P(YES), edge, Δ). */
export function rebuildInputs(strategy: StrategySpec, params: MarketConfig, pipes: readonly LivePipeline[], slice: AccountSlice | null, nowMs: number): Inputs {
  const by = (coin: string) => pipes.find((p) => p.coin === coin)?.market ?? null;
  const lots = (market: string) => Math.max(0, slice?.holdings[market]?.posLots ?? 0);
  switch (strategy.kind) {
    case "mm":
    case "fixed": {
      const o = strategy.outcome;
      const v = by(coinOf(o.yes.market));
      const mid = v?.mid ?? null;
      const s = v?.micro ?? mid;
      const sigma = v?.sigmaPerSqrtSec != null && mid !== null ? v.sigmaPerSqrtSec * mid : null;
      const tauSecs = (o.expiryMs - nowMs) / 1000;
      const q = slice === null ? null : lots(o.yes.market) - lots(o.no.market);
      const mm = params.mm;
      const out: Inputs = { sigma, tauSecs, q, gamma: mm.gamma, kappa: mm.kappa, reservation: null, halfSpread: strategy.kind === "fixed" ? strategy.halfSpread : null };
      if (s !== null && sigma !== null && q !== null) {
        // The quoter's own call: inventory in order sizes, T−t floored at 0 (mm-strategy.ts).
        const as = asQuote(s, q / mm.order_size, sigma, Math.max(0, tauSecs), mm);
        out.reservation = as.reservation;
        if (strategy.kind === "mm") out.halfSpread = as.halfSpread;
      }
      return out;
    }
    case "parity": {
      const o = strategy.outcome;
      const perp = by(coinOf(strategy.perp.market));
      const yes = by(coinOf(o.yes.market));
      const S = perp?.micro ?? perp?.mid ?? null;
      const sigma = perp?.sigmaAnnualised ?? null;
      const tauYears = Math.max(0, (o.expiryMs - nowMs) / 1000 / SECONDS_PER_YEAR);
      const yesMid = yes?.mid ?? null;
      const out: Inputs = { S, K: strategy.strike, sigma, tauYears, fair: null, delta: null, yesMid, edge: null };
      if (S !== null && sigma !== null) {
        const d = cashOrNothing({ S, K: strategy.strike, sigma, T: tauYears });
        out.fair = d.call;
        out.delta = d.deltaCall;
        out.edge = yesMid === null ? null : yesMid - d.call;
      }
      return out;
    }
    case "ofi": {
      const own = pipes.find((p) => p.coin === coinOf(strategy.perp.market)) ?? null;
      const sig = (name: string) => own?.signals.find((r) => r.name === name && r.fresh)?.value ?? null;
      return { alpha: own?.alpha.alpha ?? null, ofi: sig("ofi"), leadlag: sig("leadlag") };
    }
  }
}

export interface LiveSource {
  snapshot: MarketEngineSnapshot;
  strategy: StrategySpec;
  params: MarketConfig;
  slice: AccountSlice | null;
  latency?: StageHistogramsView;
}

/** `venueNowMs`: the engine's venue clock (an outcome's T−t is measured on it, as the strategy does). */
export function marketLive(src: LiveSource, nowMs: number, venueNowMs = nowMs): MarketLive {
  const pipelines = src.snapshot.pipelines.map(livePipeline);
  const ctx = src.snapshot.context;
  const rebuilt = rebuildInputs(src.strategy, src.params, pipelines, src.slice, venueNowMs);
  const ran = ctx !== null && Object.keys(ctx.inputs).length > 0;
  const inputs = ran ? { ...rebuilt, ...ctx.inputs } : rebuilt;
  const s = src.strategy;
  const outcome = s.kind === "ofi" ? null : { expiryMs: s.outcome.expiryMs, strike: s.kind === "parity" ? s.strike : null };
  const p0 = pipelines[0];
  const regime = { liquidity: p0?.regime.liquidity ?? "unknown", vol: p0?.regime.vol ?? "unknown", extreme: p0?.regime.extreme ?? false };
  const base: Omit<DecisionContext, "inputs"> = ctx ?? { strategy: s.kind, tradable: false, alpha: p0?.alpha.alpha ?? 0, signals: {}, regime, fair: null, mid: p0?.market.mid ?? null, notes: ["the engine has not decided yet"] };
  const { gamma, kappa, order_size, max_inventory } = src.params.mm;
  const params = { mm: { gamma, kappa, order_size, max_inventory }, parity: { min_edge: src.params.parity.min_edge } };
  return { builtAt: nowMs, pipelines, context: { ...base, inputs }, inputsSource: ran ? "strategy" : "rebuilt", outcome, params, latency: src.latency ?? null };
}
