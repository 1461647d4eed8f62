/**
 * Top-of-book price estimators (Stoikov 2018, "The micro-price", §2 definitions):
 *   M = (Pb + Pa) / 2,  I = Qb / (Qb + Qa),  W = I·Pa + (1 − I)·Pb  (the weighted mid).
 * Units are whatever the caller passes (ticks or prices); sizes only enter through I.
 */

export function mid(bidPx: number, askPx: number): number {
  return (bidPx + askPx) / 2;
}

/** Queue imbalance I ∈ [0, 1]; 0.5 when both sizes are zero. */
export function imbalance(bidSz: number, askSz: number): number {
  const total = bidSz + askSz;
  return total > 0 ? bidSz / total : 0.5;
}

/**
 * Size-weighted mid: leans toward the side with less resting size, because the thin side is
 * the one more likely to be consumed next.
 */
export function weightedMid(bidPx: number, bidSz: number, askPx: number, askSz: number): number {
  const i = imbalance(bidSz, askSz);
  return i * askPx + (1 - i) * bidPx;
}
