/**
 * Hyperliquid's price rule on integer ticks (reference/hyperliquid.md §4.5): at most 5
 * significant figures, integer prices always allowed, and no more decimals than the instrument's
 * grid (`pxDecimals` is already the venue's maximum). Strategies compute on the fine grid; every
 * price an engine emits goes through here so the signer never meets an invalid one. Integer
 * arithmetic only: this runs on every quote.
 */

const POW10 = Array.from({ length: 19 }, (_, i) => 10 ** i);

const digits = (n: number): number => (n < 1 ? 1 : Math.floor(Math.log10(n)) + 1);

/** Step in ticks a valid price near `ticks` must be a multiple of. */
export function priceStep(ticks: number, pxDecimals: number): number {
  const unit = POW10[pxDecimals]!;
  // From 100000 up only integers fit 5 significant figures, and integers are always valid.
  if (ticks >= 100_000 * unit) return unit;
  let d = digits(ticks);
  // log10 can be off by one right at a power of ten.
  if (ticks >= POW10[d]!) d++;
  else if (d > 1 && ticks < POW10[d - 1]!) d--;
  return d <= 5 ? 1 : Math.min(unit, POW10[d - 5]!);
}

/** The nearest valid price at or below (`floor`) or at or above (`ceil`) `ticks`; 0 when none is positive. */
export function snapPx(ticks: number, pxDecimals: number, mode: "floor" | "ceil"): number {
  if (!(ticks > 0)) return mode === "ceil" ? priceStep(1, pxDecimals) : 0;
  const t = mode === "floor" ? Math.floor(ticks) : Math.ceil(ticks);
  const step = priceStep(t, pxDecimals);
  const snapped = mode === "floor" ? Math.floor(t / step) * step : Math.ceil(t / step) * step;
  // Rounding up can carry into the next power of ten, where the step is coarser.
  const again = priceStep(snapped, pxDecimals);
  if (again === step) return snapped;
  return mode === "floor" ? Math.floor(snapped / again) * again : Math.ceil(snapped / again) * again;
}

/** Side-aware snap: a buy never pays more and a sell never asks less than the strategy wanted, unless it must cross. */
export function snapForSide(ticks: number, pxDecimals: number, side: "buy" | "sell", aggressive: boolean): number {
  const up = side === "buy" ? aggressive : !aggressive;
  return snapPx(ticks, pxDecimals, up ? "ceil" : "floor");
}
