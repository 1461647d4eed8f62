/**
 * What `npm start` trades (issue #5): Avellaneda-Stoikov quotes on the HIP-4 outcome (#150 with
 * its NO leg #151), the BTC parity strategy of the same outcome against the main-dex BTC perp
 * (the outcome's underlying), and OFI lead-lag on the replay dex's ETH led by its BTC.
 */
import type { AdminClient } from "./admin-client";

/**
 * Config set through the admin API before the markets: OFI's default order of 10 lots is
 * 0.001 ETH (about $4), under the venue's $10 minimum order value, so the ETH market trades 30
 * lots (0.003 ETH) with room for ten of them. The three markets share the default $10,000 gross
 * budget; the parity hedge's default pin-risk cap of 1 BTC (~$80k) let it take all of it near the
 * strike (an npm start run held 0.124 BTC, $9,999, and the gate cut every ETH order to nothing),
 * so the hedge is capped at 0.05 BTC (~$4,000) here.
 */
export const START_CONFIG = {
  markets: {
    "hl:rpl:ETH": { ofi: { order_size: 30, max_position: 300 } },
    "hl:#150~parity": { parity: { max_hedge_btc: 0.05 } },
  },
} as const;

export const START_MARKETS = [
  { market: "hl:#150", strategy: { kind: "mm" } },
  { id: "hl:#150~parity", market: "hl:#150", strategy: { kind: "parity", perp: "BTC" } },
  { market: "hl:rpl:ETH", strategy: { kind: "ofi", lead: "rpl:BTC" } },
] as const;

/** Applies START_CONFIG, then configures each market, retrying while the bot is still starting. */
export async function setUpMarkets(admin: AdminClient, log: (line: string) => void, attempts = 20): Promise<boolean> {
  let allOk = true;
  const cfg = await admin.patch("/admin/config", START_CONFIG);
  if (cfg.status !== 200) {
    allOk = false;
    log(`config: refused (HTTP ${cfg.status}): ${JSON.stringify(cfg.body).slice(0, 400)}`);
  }
  for (const m of START_MARKETS) {
    const id = "id" in m ? m.id : m.market;
    let last: { status: number; body: unknown } | null = null;
    for (let i = 0; i < attempts; i++) {
      last = await admin.post("/admin/markets", m);
      if (last.status === 201) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    if (last?.status === 201) log(`market ${id}: ${m.strategy.kind} configured`);
    else {
      allOk = false;
      log(`market ${id}: not configured (HTTP ${last?.status}): ${JSON.stringify(last?.body).slice(0, 400)}`);
    }
  }
  return allOk;
}
