/**
 * Units that must not mix. Prices and sizes are exact integers at a per-instrument scale
 * (ticks of 10^-pxDecimals and lots of 10^-szDecimals), so no float drift creeps in from
 * parsing and re-printing wire strings. Usd is a plain float used only for aggregates.
 */
export type Px = number & { readonly __unit: "px" };
export type Sz = number & { readonly __unit: "sz" };
export type Usd = number & { readonly __unit: "usd" };

export const px = (ticks: number): Px => ticks as Px;
export const sz = (lots: number): Sz => lots as Sz;
export const usd = (x: number): Usd => x as Usd;
