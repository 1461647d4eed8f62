/**
 * The live inputs of the 3D views, each with where it came from. The stream carries mids and
 * fair values only; σ, inventory, γ, κ, τ and the strike come from the admin API (the market
 * snapshot's decision context and pipelines, the bot config, the decision log). When the
 * quoter's context has no inputs (the market is not tradable, so the strategy did not run) they
 * are rebuilt the way the strategy builds them (shared/engine/mm-strategy.ts,
 * parity-strategy.ts), and the view says so.
 */
import { num } from "./format.js";

/** As the engine counts a year (shared/market/ewma-vol.ts). */
const SECONDS_PER_YEAR = 365 * 24 * 3600;
const obj = (x) => (typeof x === "object" && x !== null ? x : {});

/**
 * One strategy section of the knobs an engine runs with: the market snapshot's own `params` when
 * it carries them, else the bot config's section under that market's override (resolveMarket).
 */
function knobs(config, detail, id, section) {
  const own = obj(obj(obj(detail).params)[section]);
  if (Object.keys(own).length > 0) return own;
  const c = obj(config);
  return { ...obj(obj(c.strategies)[section]), ...obj(obj(obj(c.markets)[id])[section]) };
}

export function mmParams(config, id, detail = null) {
  const m = knobs(config, detail, id, "mm");
  return { gamma: num(m.gamma), kappa: num(m.kappa), orderSize: num(m.order_size), maxInventory: num(m.max_inventory) };
}

export function parityParams(config, id, detail = null) {
  return { minEdge: num(knobs(config, detail, id, "parity").min_edge) };
}

export function arbMinEdge(config) {
  const bps = num(obj(obj(obj(config).strategies).arb).min_edge_bps);
  return bps === null ? null : bps / 10_000;
}

/** The outcome an engine trades, as the RiskDO registered it: [YES, NO] instrument markets. */
export function outcomeLegs(snap, id) {
  const list = snap?.risk?.markets?.[id] ?? [];
  return list.length >= 2 ? { yes: list[0], no: list[1] } : null;
}

/** The pipeline of `coin` in a market snapshot (admin GET /admin/markets/:id). */
export function pipeline(detail, coin) {
  const ps = obj(obj(detail).engine).pipelines;
  return Array.isArray(ps) ? (ps.find((p) => obj(p).coin === coin) ?? null) : null;
}

/**
 * Expiry and strike learned from the decision log: a decision whose context carries τ fixes the
 * expiry on the server's clock (decision ts + τ). Newest entry wins.
 * @param {object[]} entries audit entries of kind "decision"
 */
export function anchorsFrom(entries) {
  let best = null;
  for (const e of entries) {
    const b = obj(obj(e).body);
    const inputs = obj(obj(b.context).inputs);
    const ts = num(b.ts);
    if (ts === null) continue;
    const tauSecs = num(inputs.tauSecs);
    const tauYears = num(inputs.tauYears);
    const expiryMs = tauSecs !== null ? ts + tauSecs * 1000 : tauYears !== null ? ts + tauYears * SECONDS_PER_YEAR * 1000 : null;
    if (expiryMs === null || (best !== null && best.ts >= ts)) continue;
    best = { ts, expiryMs, strike: num(inputs.K), seq: num(b.seq) };
  }
  return best;
}

/**
 * AS inputs for an mm engine: live from the decision context when the quoter ran, otherwise
 * rebuilt (σ = EWMA σ of log returns × mid, q = YES − NO shares held, τ = expiry − now).
 */
export function asInputs({ snap, detail, config, anchor, id, serverNow }) {
  const p = mmParams(config, id, detail);
  const ctx = obj(obj(obj(detail).engine).context);
  const live = obj(ctx.inputs);
  const legs = outcomeLegs(snap, id);
  const yesCoin = legs === null ? null : legs.yes.replace(/^[a-z]{2}:/, "");
  const pipe = yesCoin === null ? obj(obj(obj(detail).engine).pipelines)[0] : pipeline(detail, yesCoin);
  const view = obj(obj(pipe).market);
  const s = num(view.micro) ?? num(view.mid);
  const missing = [];
  let source = "the quoter's inputs at its last run";
  let sigma = num(live.sigma);
  let q = num(live.q);
  let tau = num(live.tauSecs);
  let gamma = num(live.gamma) ?? p.gamma;
  let kappa = num(live.kappa) ?? p.kappa;
  if (sigma === null || q === null || tau === null) {
    source = "rebuilt as the quoter would (it did not run: market not tradable)";
    const sps = num(view.sigmaPerSqrtSec);
    const mid = num(view.mid);
    sigma = sps !== null && mid !== null ? sps * mid : null;
    const held = (m) => num((snap?.risk?.account?.positions ?? []).find((x) => x.market === m)?.lots) ?? 0;
    q = legs === null ? null : Math.max(0, held(legs.yes)) - Math.max(0, held(legs.no));
    tau = anchor === null || anchor === undefined ? null : Math.max(0, (anchor.expiryMs - serverNow) / 1000);
  }
  if (s === null) missing.push("YES micro-price (book)");
  if (sigma === null) missing.push("σ (volatility estimate)");
  if (q === null) missing.push("inventory q");
  if (tau === null) missing.push("T−t (no decision with the expiry yet)");
  if (gamma === null || kappa === null) missing.push("γ, κ (bot config)");
  return { s, sigma, q, tau, gamma, kappa, orderSize: p.orderSize, maxInventory: p.maxInventory, source, missing, ready: missing.length === 0 && p.orderSize !== null };
}

/** Digital inputs for a parity engine: S and σ of the perp, K and τ of the outcome. */
export function digitalInputs({ snap, detail, anchor, id, perpCoin, serverNow }) {
  const ctx = obj(obj(obj(detail).engine).context);
  const live = obj(ctx.inputs);
  const perp = obj(obj(pipeline(detail, perpCoin)).market);
  const legs = outcomeLegs(snap, id);
  const yes = legs === null ? null : obj(obj(pipeline(detail, legs.yes.replace(/^[a-z]{2}:/, ""))).market);
  const S = num(live.S) ?? num(perp.micro) ?? num(perp.mid);
  const sigma = num(live.sigma) ?? num(perp.sigmaAnnualised);
  const K = num(live.K) ?? anchor?.strike ?? null;
  const liveTau = num(live.tauYears);
  const tauYears = liveTau ?? (anchor === null || anchor === undefined ? null : Math.max(0, (anchor.expiryMs - serverNow) / 1000 / SECONDS_PER_YEAR));
  const yesMid = num(live.yesMid) ?? (yes === null ? null : num(yes.mid));
  const missing = [];
  if (S === null) missing.push(`S (${perpCoin} perp book)`);
  if (sigma === null) missing.push("σ (perp volatility)");
  if (K === null) missing.push("strike K (no decision with it yet)");
  if (tauYears === null) missing.push("τ (no decision with the expiry yet)");
  const source = liveTau !== null ? "the parity strategy's inputs at its last run" : "perp book and σ now; K and expiry from the decision log";
  return { S, sigma, K, tauYears, yesMid, fair: num(live.fair), source, missing, ready: missing.length === 0 };
}

export { SECONDS_PER_YEAR };
