/**
 * The strategy formulas the 3D views draw, in the browser. They are the same equations as the
 * engine's (shared/strategies/avellaneda.ts, digital.ts), restated here because the dashboard is
 * static files with no build step; test/e2e/dashboard-models.test.ts checks them against the
 * engine's own functions on many inputs, so the pictures cannot drift from what trades.
 */

/**
 * Avellaneda & Stoikov (2008), the paper's form (SPEC §7.1):
 *   r = s − q·γ·σ²·(T−t),  δ = ½·γ·σ²·(T−t) + (1/γ)·ln(1 + γ/κ),  bid = r − δ, ask = r + δ.
 * σ in price/√s, T−t in s, γ and κ in 1/price, q in order-size units.
 */
export function asQuote(s, q, sigma, tau, gamma, kappa) {
  const risk = gamma * sigma * sigma * tau;
  const reservation = s - q * risk;
  const halfSpread = 0.5 * risk + Math.log1p(gamma / kappa) / gamma;
  return { reservation, halfSpread, bid: reservation - halfSpread, ask: reservation + halfSpread };
}

const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);

/**
 * erfc to near double precision: the series erf(z) = (2/√π)·e^(−z²)·Σ 2ⁿz^(2n+1)/(1·3·…·(2n+1))
 * below 2.5, the Laplace continued fraction above (Lentz) — the engine's method.
 */
export function erfc(z) {
  if (Number.isNaN(z)) return NaN;
  if (z < 0) return 2 - erfc(-z);
  if (z < 2.5) {
    let term = z;
    let sum = z;
    const z2 = z * z;
    for (let n = 1; n < 200; n++) {
      term *= (2 * z2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - 2 * INV_SQRT_PI * Math.exp(-z2) * sum;
  }
  if (z > 27) return 0;
  const tiny = 1e-300;
  let f = z;
  let C = z;
  let D = 0;
  for (let j = 1; j < 500; j++) {
    const a = j / 2;
    D = z + a * D;
    D = D === 0 ? 1 / tiny : 1 / D;
    C = z + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (Math.exp(-z * z) * INV_SQRT_PI) / f;
}

export function normCdf(x) {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * P(YES) of the BTC up/down outcome as a cash-or-nothing digital call with r = 0 (SPEC §7.3):
 *   P = Φ((ln(S/K) − ½σ²τ) / (σ√τ)), σ annualised, τ in years; at expiry the payoff 1{S ≥ K}.
 */
export function digitalYes(S, K, sigma, tauYears) {
  if (!(tauYears > 0) || !(sigma > 0)) return S >= K ? 1 : 0;
  const vt = sigma * Math.sqrt(tauYears);
  return normCdf((Math.log(S / K) - 0.5 * sigma * sigma * tauYears) / vt);
}

/** n evenly spaced values from a to b (n ≥ 2). */
export function linspace(a, b, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(a + ((b - a) * i) / (n - 1));
  return out;
}

/**
 * The AS band over (σ, q): bid and ask surfaces z[qIndex][σIndex] (Plotly's surface layout:
 * rows follow y, columns follow x) for the live s, γ, κ and T−t.
 */
export function asBand(p, sigmas, qs) {
  const bid = [];
  const ask = [];
  for (const q of qs) {
    const b = [];
    const a = [];
    for (const sg of sigmas) {
      const r = asQuote(p.s, q, sg, p.tau, p.gamma, p.kappa);
      b.push(r.bid);
      a.push(r.ask);
    }
    bid.push(b);
    ask.push(a);
  }
  return { bid, ask };
}

/** P(YES) over (σ, S) at one τ: z[SIndex][σIndex]. */
export function digitalSurface(K, tauYears, sigmas, spots) {
  return spots.map((S) => sigmas.map((sg) => digitalYes(S, K, sg, tauYears)));
}

/**
 * The cross-venue inefficiency |price − mean| per venue and lookback: for each lookback the
 * venues' time-weighted mean prices over that window, then each venue's distance from their
 * mean. z[lookbackIndex][venueIndex]; null where a venue has no price in the window.
 * @param {{meanOver(now: number, ms: number): number|null}[]} series one per venue
 */
export function inefficiency(series, lookbacksMs, now) {
  return lookbacksMs.map((w) => {
    const means = series.map((s) => s.meanOver(now, w));
    const known = means.filter((m) => m !== null);
    if (known.length === 0) return means.map(() => null);
    const centre = known.reduce((a, b) => a + b, 0) / known.length;
    return means.map((m) => (m === null ? null : Math.abs(m - centre)));
  });
}

/**
 * Cont, Kukanov & Stoikov (2014) eq. (2), one best-level change n−1 -> n (shared/signals/ofi.ts):
 *   e = 1{Pb ≥ Pb'}·qb − 1{Pb ≤ Pb'}·qb' − 1{Pa ≤ Pa'}·qa + 1{Pa ≥ Pa'}·qa'   (primed: before).
 */
export function ofiEvent(prev, cur) {
  let e = 0;
  if (cur.bidPx >= prev.bidPx) e += cur.bidSz;
  if (cur.bidPx <= prev.bidPx) e -= prev.bidSz;
  if (cur.askPx <= prev.askPx) e -= cur.askSz;
  if (cur.askPx >= prev.askPx) e += prev.askSz;
  return e;
}
