/**
 * The execution router (SPEC §9): strong order-flow pressure takes liquidity now, moderate
 * pressure joins the queue post-only, weak pressure does nothing.
 *   |ofi| > HIGH -> IOC,  |ofi| > MID -> post-only (ALO),  else skip.
 * `ofi` is the normalised OFI (depth- and volatility-scaled), so one pair of thresholds holds
 * across markets and regimes.
 */

export interface RouterThresholds {
  ofi_high: number;
  ofi_mid: number;
}

export type Route = "ioc" | "post_only" | "skip";

export function route(ofi: number, t: RouterThresholds): Route {
  const m = Math.abs(ofi);
  if (!Number.isFinite(m)) return "skip";
  if (m > t.ofi_high) return "ioc";
  if (m > t.ofi_mid) return "post_only";
  return "skip";
}
