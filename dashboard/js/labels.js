/**
 * Names people read: which leg of an outcome an instrument is (from how the RiskDO registered
 * the outcome engine, YES first — never from the coin number), what kind of instrument a
 * Hyperliquid coin is, and the unit its size is counted in.
 */

/** "hl:#150" -> "#150"; "hl:rpl:ETH" -> "rpl:ETH". */
export function coinOf(market) {
  const m = /^[a-z]{2}:(.+)$/.exec(market);
  return m === null ? market : m[1];
}

export function venueName(market) {
  const v = market.slice(0, 3);
  if (v === "hl:") return "Hyperliquid";
  if (v === "pm:") return "Polymarket";
  if (v === "ks:") return "Kalshi";
  return "?";
}

/** Which outcome leg an instrument is, from the outcome engines' registrations ([YES, NO]). */
export function legOf(snap, market) {
  const regs = snap?.risk?.markets ?? {};
  for (const list of Object.values(regs)) {
    if (list.length >= 2 && list[0] === market && list[1].startsWith(market.slice(0, 3) + "#")) return "YES";
    if (list.length >= 2 && list[1] === market && list[0].startsWith(market.slice(0, 3) + "#")) return "NO";
  }
  return null;
}

export function isOutcome(market) {
  return coinOf(market).startsWith("#");
}

/** "#150 YES", "BTC perp", "rpl:ETH perp (HIP-3 dex rpl)". */
export function instrumentLabel(snap, market) {
  const coin = coinOf(market);
  if (coin.startsWith("#")) {
    const leg = legOf(snap, market);
    return leg === null ? `${coin} outcome` : `${coin} ${leg}`;
  }
  if (coin.startsWith("@") || coin.includes("/")) return `${coin} spot`;
  const dex = coin.includes(":") ? coin.split(":")[0] : null;
  return dex === null ? `${coin} perp` : `${coin} perp (HIP-3 dex ${dex})`;
}

/** The unit a position is counted in: shares for outcomes, the coin for perps. */
export function sizeUnit(market) {
  const coin = coinOf(market);
  if (coin.startsWith("#")) return "sh";
  const base = coin.includes(":") ? coin.split(":").pop() : coin;
  return base ?? coin;
}

const STRATEGY = { mm: "Avellaneda-Stoikov market making", fixed: "fixed-spread quotes", parity: "BTC digital parity", ofi: "OFI lead-lag" };

export function strategyName(kind) {
  return STRATEGY[kind] ?? (kind || "?");
}
