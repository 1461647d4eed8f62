/**
 * Trust score per signal (SPEC §6, §11): each signal's weight in the alpha combiner, learned
 * online from how well its value predicted the return that followed.
 *   reward  x = clamp(prediction · return / return_scale, −1, 1)
 *   score  ← decayed score + learning_rate · (x − decayed score)
 *   weight  = clamp(prior · (1 + sensitivity · score), min_weight, max_weight)
 * Bounded: the weight never leaves [min_weight, max_weight]. Decaying: with no new evidence
 * the score relaxes toward 0 with `half_life_ms`, so the weight returns to the prior and a
 * signal is not trusted (or distrusted) forever on old news.
 */

export interface TrustConfig {
  prior: number;
  min_weight: number;
  max_weight: number;
  /** How far a perfect (or perfectly wrong) record moves the weight, as a fraction of the prior. */
  sensitivity: number;
  learning_rate: number;
  half_life_ms: number;
  /** Return that counts as a full hit (same units as the realised return). */
  return_scale: number;
}

export interface TrustScore {
  score: number;
  lastMs: number;
  observations: number;
}

export type TrustState = Record<string, TrustScore>;

function decayed(t: TrustScore, nowMs: number, cfg: TrustConfig): number {
  const dt = Math.max(0, nowMs - t.lastMs);
  return t.score * Math.pow(2, -dt / cfg.half_life_ms);
}

/** One observation: the signal said `prediction` (in [−1, 1]), then the market returned `realised`. */
export function updateTrust(state: TrustState, signal: string, prediction: number, realised: number, nowMs: number, cfg: TrustConfig): TrustState {
  if (!Number.isFinite(prediction) || !Number.isFinite(realised)) return state;
  const prev = state[signal] ?? { score: 0, lastMs: nowMs, observations: 0 };
  const p = Math.max(-1, Math.min(1, prediction));
  const x = Math.max(-1, Math.min(1, (p * realised) / cfg.return_scale));
  const base = decayed(prev, nowMs, cfg);
  const score = Math.max(-1, Math.min(1, base + cfg.learning_rate * (x - base)));
  return { ...state, [signal]: { score, lastMs: Math.max(prev.lastMs, nowMs), observations: prev.observations + 1 } };
}

export function trustWeight(t: TrustScore | undefined, nowMs: number, cfg: TrustConfig): number {
  const s = t === undefined ? 0 : decayed(t, nowMs, cfg);
  return Math.max(cfg.min_weight, Math.min(cfg.max_weight, cfg.prior * (1 + cfg.sensitivity * s)));
}

/** The combiner's input: one weight per signal name (signals never observed get the prior, bounded). */
export function trustWeights(state: TrustState, signals: readonly string[], nowMs: number, cfg: TrustConfig): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of signals) out[name] = trustWeight(state[name], nowMs, cfg);
  return out;
}
