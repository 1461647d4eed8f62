/**
 * What `npm start` trades (issue #5): Avellaneda-Stoikov quotes on the HIP-4 outcome (#150 with
 * its NO leg #151), the BTC parity strategy of the same outcome against the main-dex BTC perp
 * (the outcome's underlying), and OFI lead-lag on the replay dex's ETH led by its BTC.
 */
import type { AdminClient } from "./admin-client";

export const START_MARKETS = [
  { market: "hl:#150", strategy: { kind: "mm" } },
  { id: "hl:#150~parity", market: "hl:#150", strategy: { kind: "parity", perp: "BTC" } },
  { market: "hl:rpl:ETH", strategy: { kind: "ofi", lead: "rpl:BTC" } },
] as const;

/** Configures each market through the admin API, retrying while the bot is still starting. */
export async function setUpMarkets(admin: AdminClient, log: (line: string) => void, attempts = 20): Promise<boolean> {
  let allOk = true;
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
