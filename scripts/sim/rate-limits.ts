/**
 * Hyperliquid's request budgets [docs rate-limits-and-user-limits; reference/hyperliquid.md §6.2].
 *
 * Per IP: REST weight 1200 per minute. An exchange action weighs 1 + floor(batch / 40); info
 * requests weigh 2 (l2Book, allMids, clearinghouseState, orderStatus, spotClearinghouseState,
 * exchangeStatus), 60 (userRole) or 20 (everything else), plus an unstated extra per 20 items
 * for fill-like lists and per 60 candles — taken here as 1 per block of items. Over budget the
 * venue answers HTTP 429 with the body `null` (SDK logs quote "429 Too Many Requests - null").
 *
 * Per address (actions only): 10 000 requests plus 1 per USDC of cumulative volume; a batch of
 * n orders or cancels counts n; cancels may go to min(cap + 100 000, 2 × cap); once spent, one
 * request per 10 s still passes. userRateLimit prints nRequestsCap = 10000 + floor(cumVlm)
 * (python SDK cassette test_user_rate_limit.yaml); the refusal prints the cap less one, as in
 * every quoted production text ("Too many cumulative requests sent (14295 > 14294) for
 * cumulative volume traded $4295.52. ..."), i.e. a request passes while used + n < cap.
 */

export const IP_WEIGHT_PER_MINUTE = 1200;
export const ADDRESS_BASE_REQUESTS = 10_000;
const WINDOW_MS = 60_000;
const EXHAUSTED_INTERVAL_MS = 10_000;

const LIGHT_INFO = new Set(["l2Book", "allMids", "clearinghouseState", "orderStatus", "spotClearinghouseState", "exchangeStatus"]);
const PER_20_ITEMS = new Set(["userFills", "userFillsByTime", "recentTrades", "historicalOrders", "fundingHistory", "userFunding"]);

export function infoWeight(type: string, itemsReturned = 0): number {
  if (LIGHT_INFO.has(type)) return 2;
  if (type === "userRole") return 60;
  if (PER_20_ITEMS.has(type)) return 20 + Math.floor(itemsReturned / 20);
  if (type === "candleSnapshot") return 20 + Math.floor(itemsReturned / 60);
  return 20;
}

export function exchangeWeight(batchLength: number): number {
  return 1 + Math.floor(batchLength / 40);
}

/** Sliding one-minute weight window per IP. */
export class IpBudget {
  private readonly spent = new Map<string, { at: number; w: number }[]>();

  constructor(readonly perMinute: number = IP_WEIGHT_PER_MINUTE) {}

  /** Charges `weight`; false (and nothing charged) when it would exceed the minute's budget. */
  charge(ip: string, weight: number, nowMs: number): boolean {
    const list = this.window(ip, nowMs);
    const used = list.reduce((a, e) => a + e.w, 0);
    if (used + weight > this.perMinute) return false;
    list.push({ at: nowMs, w: weight });
    return true;
  }

  used(ip: string, nowMs: number): number {
    return this.window(ip, nowMs).reduce((a, e) => a + e.w, 0);
  }

  private window(ip: string, nowMs: number): { at: number; w: number }[] {
    let list = this.spent.get(ip);
    if (list === undefined) {
      list = [];
      this.spent.set(ip, list);
    }
    while (list.length > 0 && (list[0]?.at ?? 0) <= nowMs - WINDOW_MS) list.shift();
    return list;
  }
}

export interface AddressState {
  used: number;
  lastExhaustedAt: number | null;
}

/** nRequestsCap of userRateLimit for a cumulative volume in micro-USDC. */
export function requestCap(cumVlmMicros: number): number {
  return ADDRESS_BASE_REQUESTS + Math.floor(cumVlmMicros / 1_000_000);
}

/**
 * The address budget check for an action of `n` requests. Returns the venue's refusal text or
 * null; on null the requests are counted.
 */
export function chargeAddress(
  s: AddressState,
  n: number,
  isCancel: boolean,
  cumVlmMicros: number,
  nowMs: number,
): string | null {
  const cap = requestCap(cumVlmMicros);
  const limit = isCancel ? Math.min(cap + 100_000, 2 * cap) : cap;
  if (s.used + n < limit) {
    s.used += n;
    return null;
  }
  if (s.lastExhaustedAt === null || nowMs - s.lastExhaustedAt >= EXHAUSTED_INTERVAL_MS) {
    s.lastExhaustedAt = nowMs;
    s.used += n;
    return null;
  }
  const dollars = Math.floor(cumVlmMicros / 10_000) / 100;
  return (
    `Too many cumulative requests sent (${s.used + n} > ${limit - 1}) for cumulative volume traded ` +
    `$${dollars.toFixed(2)}. Place taker orders to free up 1 request per USDC traded.`
  );
}
