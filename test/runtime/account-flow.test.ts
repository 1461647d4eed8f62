/**
 * The order path end to end in workerd against the simulator over loopback (SPEC §1, §9, §10):
 * a decision passed by risk becomes a signed order that rests on the venue under its cloid;
 * IOC orders fill against the replayed real book; fills arrive on the private stream and the
 * RiskDO's positions equal the venue's (clearinghouseState for the perp,
 * spotClearinghouseState for the outcome side) after every burst; every decision, risk
 * decision, order, ack and fill is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskDO } from "../../durable-objects/risk-do";
import { formatScaled } from "../../shared/core/decimal";
import { BTC, RPL_ETH, decision, info, ioc, NO, quote, readyRisk, reset, sim, simOrders, stopRisk, timing, touch, until, venueLots, YES } from "./account-fixtures";

const NAME = "risk-flow";
const OUT = "flow:#150";
const PERP = "flow:BTC";
const HIP3 = "flow:rpl:ETH";
const ALL = [YES, NO, BTC, RPL_ETH];
let risk: DurableObjectStub<RiskDO>;
const sentCloids: string[] = [];

beforeAll(async () => {
  await reset();
  risk = await readyRisk(NAME, { [OUT]: [YES, NO], [PERP]: [BTC], [HIP3]: [RPL_ETH] });
});

afterAll(async () => {
  await risk.cancelAll("end of test file");
  await stopRisk(NAME);
});

async function positionsMatchVenue(): Promise<{ engine: Record<string, number>; venue: Record<string, number> }> {
  const venue = await venueLots(ALL);
  const engine: Record<string, number> = {};
  for (const p of await risk.positions()) engine[p.market] = p.lots;
  for (const i of ALL) engine[i.market] ??= 0;
  return { engine, venue };
}

/** Sends one IOC, then waits until the venue moved and the RiskDO's positions equal it. */
async function burst(engine: string, order: ReturnType<typeof ioc>): Promise<Record<string, number>> {
  const before = await venueLots(ALL);
  const slice = await risk.submit(decision(engine, [], [order]), timing());
  if (slice.mode !== "active") throw new Error(`not active: ${JSON.stringify((await risk.status()).account?.triggers)}`);
  const acks = await risk.decisions({ kind: "ack", limit: 1 });
  if (!acks.ok) throw new Error(JSON.stringify(acks.error));
  const ack = acks.value[0]!;
  expect(ack.body as unknown).toMatchObject({ result: { kind: "filled" } });
  sentCloids.push(ack.cloid!);
  const same = (x: { engine: Record<string, number>; venue: Record<string, number> }): boolean => ALL.every((i) => x.engine[i.market] === x.venue[i.market]);
  const r = await until(positionsMatchVenue, (x) => same(x) && x.venue[order.market] !== before[order.market], 20_000, "positions equal the venue's");
  return r.venue;
}

describe("RiskDO order path against the simulator", () => {
  it("a quote passed by risk rests on the venue under its cloid, as ALO at the exact price", async () => {
    const t = await touch(YES);
    const bid = t.bid - 3_000; // 0.03 under the touch: stays resting, within the 500 bps fat-finger band
    const lots = Math.ceil(12 / (bid / 1e5));
    const slice = await risk.submit(decision(OUT, [quote(OUT, YES, "buy", bid, lots)]), timing());
    const live = slice.liveOrders[`${OUT}:bid`];
    expect(live).toMatchObject({ market: "hl:#150", side: "buy", px: bid, sz: lots });
    sentCloids.push(live!.cloid);
    const resting = (await simOrders()).filter((o) => o.cloid === live!.cloid);
    expect(resting).toEqual([expect.objectContaining({ coin: "#150", side: "B", limitPx: formatScaled(bid, 5), remaining: lots, status: "open" })]);
    expect(await risk.openOrders()).toContainEqual(expect.objectContaining({ cloid: live!.cloid, status: "resting", px: formatScaled(bid, 5), sz: String(lots) }));
  });

  it("IOC bursts fill against the replayed book; after each the RiskDO's positions equal the venue's", async () => {
    const yes = await touch(YES);
    // Through the ask by 0.01 so a moving book still fills; the venue fills at the resting prices.
    const after1 = await burst(OUT, ioc(OUT, YES, "buy", Math.min(yes.ask + 1_000, 99_999), 12, "take"));
    expect(after1["hl:#150"]).toBeGreaterThan(0);

    const btc = await touch(BTC);
    const after2 = await burst(PERP, ioc(PERP, BTC, "buy", Math.round((btc.ask * 1.002) / 10) * 10, 200, "take"));
    expect(after2["hl:BTC"]).toBeGreaterThan(0);

    const btc2 = await touch(BTC);
    const after3 = await burst(PERP, ioc(PERP, BTC, "sell", Math.round((btc2.bid * 0.998) / 10) * 10, 120, "take"));
    expect(after3["hl:BTC"]).toBe(after2["hl:BTC"]! - 120);

    // A builder-deployed (HIP-3) perp: asset id from perpDexs + the dex's meta, position listed under its dex.
    const eth = await touch(RPL_ETH);
    const after4 = await burst(HIP3, ioc(HIP3, RPL_ETH, "buy", Math.round((eth.ask * 1.002) / 10) * 10, 100, "take"));
    expect(after4["hl:rpl:ETH"]).toBe(100);
  });

  it("every decision, risk decision, order, ack and fill is in the audit log", async () => {
    const read = async (kind: string) => {
      const r = await risk.decisions({ kind, limit: 1000 });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    const decisions = await read("decision");
    expect(decisions.length).toBeGreaterThanOrEqual(5);
    expect(decisions[0]!.body).toMatchObject({ context: { signals: { ofi: 0.8 }, inputs: { sigma: 0.31 } }, result: { decisions: [{ decision: { kind: "pass" } }] } });
    const risks = await read("risk");
    const orders = await read("order");
    const acks = await read("ack");
    for (const cloid of sentCloids) {
      expect(risks.some((e) => e.cloid === cloid)).toBe(true);
      expect(orders.some((e) => e.cloid === cloid)).toBe(true);
      expect(acks.some((e) => e.cloid === cloid)).toBe(true);
    }
    const fills = await read("fill");
    const venueFills = (await info({ type: "userFills", user: sim().account })) as { tid: number; coin: string }[];
    expect(venueFills.length).toBeGreaterThanOrEqual(4);
    for (const f of venueFills) expect(fills.some((e) => (e.body as { tid: string }).tid === String(f.tid))).toBe(true);
    // Fills are recorded once although userFills and the user channel both carry each.
    expect(new Set(fills.map((e) => (e.body as { tid: string }).tid)).size).toBe(fills.length);
  });
});
