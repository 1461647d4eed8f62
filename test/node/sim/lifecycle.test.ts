import { afterEach, describe, expect, it } from "vitest";
import { scheduleCancelAction } from "../../../shared/venues/hyperliquid/actions";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY, paperAccount } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, hip4Slice, info, must, order, WsClient } from "./helpers";

const YES = 100_000_150;
const NO = 100_000_151;
let sim: Simulator;
let ws: WsClient | undefined;

afterEach(async () => {
  ws?.close();
  await sim.close();
});

async function subscribed(): Promise<WsClient> {
  ws = await WsClient.open(sim.wsUrl);
  for (const type of ["orderUpdates", "userFills", "userEvents"]) ws.send({ method: "subscribe", subscription: { type, user: PAPER_ACCOUNT } });
  await ws.until(() => ws!.ofChannel("subscriptionResponse").length === 3);
  return ws;
}

/** A bid worth 12 USDC (above the 10 USDC outcome minimum). */
const rest = (asset: number, px: string, cloid: string) =>
  exchange(sim, PAPER_AGENT_KEY, order({ asset, isBuy: true, price: px, size: String(Math.round(12 / Number(px))), type: { limit: { tif: "Gtc" } }, cloid }));
const updates = (c: WsClient): { order: { cloid?: string }; status: string }[] => (c.ofChannel("orderUpdates") as { order: { cloid?: string }; status: string }[][]).flat();

describe("scheduleCancel (dead man's switch)", () => {
  it("fires when not refreshed and cancels every resting order with status scheduledCancel", async () => {
    sim = await startSimulator({ recordings: [hip4Slice()], speed: 0.001, loop: false, alignExpiry: false });
    const c = await subscribed();
    const cloids = ["0x000000000000000000000000000b0001", "0x000000000000000000000000000b0002"];
    await rest(YES, "0.9", cloids[0]!);
    await rest(NO, "0.04", cloids[1]!);
    expect(sim.control.openOrders(PAPER_ACCOUNT)).toHaveLength(2);

    const simNow = (): number => sim.control.state()["simTime"] as number;
    expect((await exchange(sim, PAPER_AGENT_KEY, must(scheduleCancelAction(simNow() + 1_000)))).body).toEqual({
      status: "err",
      response: "Scheduled cancel time too early, must be at least 5 seconds from now.",
    });
    // Armed for +10 s, refreshed to +30 s before it fires: nothing happens at +10 s.
    expect((await exchange(sim, PAPER_AGENT_KEY, must(scheduleCancelAction(simNow() + 10_000)))).body).toEqual({ status: "ok", response: { type: "default" } });
    sim.control.advance(5_000);
    await exchange(sim, PAPER_AGENT_KEY, must(scheduleCancelAction(simNow() + 25_000)));
    sim.control.advance(10_000);
    expect(sim.control.openOrders(PAPER_ACCOUNT)).toHaveLength(2);
    // Not refreshed again: it fires.
    sim.control.advance(20_000);
    await c.until(() => updates(c).filter((u) => u.status === "scheduledCancel").length === 2);
    expect(updates(c).filter((u) => u.status === "scheduledCancel").map((u) => u.order.cloid).sort()).toEqual(cloids);
    expect(sim.control.openOrders(PAPER_ACCOUNT)).toEqual([]);
    for (const cloid of cloids) {
      const s = (await info(sim, { type: "orderStatus", user: PAPER_ACCOUNT, oid: cloid })).body;
      expect(s).toMatchObject({ status: "order", order: { status: "scheduledCancel" } });
    }
    expect((await info(sim, { type: "openOrders", user: PAPER_ACCOUNT })).body).toEqual([]);
    await c.until(() => c.ofChannel("user").some((d) => "nonUserCancel" in (d as object)));
  });

  it("is refused before the venue's $1,000,000 of traded volume", async () => {
    sim = await startSimulator({ recordings: [hip4Slice()], speed: 0.001, loop: false, alignExpiry: false, accounts: [paperAccount({ cumVlm: "0" })] });
    const now = sim.control.state()["simTime"] as number;
    expect((await exchange(sim, PAPER_AGENT_KEY, must(scheduleCancelAction(now + 60_000)))).body).toEqual({
      status: "err",
      response: "Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $0.00.",
    });
  });
});

describe("HIP-4 settlement", () => {
  it("pays holders at expiry from the recorded mark vs the strike, as fills, and rolls to the next outcome", async () => {
    // Held still (1/1000 speed) while orders go in; the clock then jumps to the shifted expiry.
    sim = await startSimulator({ recordings: [hip4Slice()], speed: 0.001, loop: true, alignExpiry: false });
    const c = await subscribed();
    // Buy 13 Yes from the recorded ask and 22 No (the mirror of the 0.95236 Yes bid: No asks
    // 0.04764), and rest a No bid that settlement must cancel.
    await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.9555", size: "13", type: { limit: { tif: "Ioc" } } }));
    const no = await exchange(sim, PAPER_AGENT_KEY, order({ asset: NO, isBuy: true, price: "0.04764", size: "250", type: { limit: { tif: "Ioc" } } }));
    expect(no.body).toMatchObject({ response: { data: { statuses: [{ filled: { totalSz: "22.0", avgPx: "0.04764" } }] } } });
    await rest(NO, "0.03", "0x000000000000000000000000000c0001");
    const meta = (await info(sim, { type: "outcomeMeta" })).body as { outcomes: { outcome: number; description: string }[] };
    expect(meta.outcomes.map((o) => o.outcome)).toEqual([15]);
    const expiry = sim.control.state()["outcomes"] as { expiryMs: number }[];
    sim.control.advance(expiry[0]!.expiryMs - (sim.control.state()["simTime"] as number) + 1);

    // The recorded BTC mark (80742) is above the 80354 strike: Yes pays 1 per share.
    await c.until(() => (c.ofChannel("userFills") as { fills: { dir: string }[] }[]).some((f) => f.fills.some((x) => x.dir === "Settlement")));
    const settlement = (c.ofChannel("userFills") as { fills: { dir: string }[] }[]).flatMap((f) => f.fills).filter((f) => f.dir === "Settlement");
    expect(settlement).toMatchObject([
      { coin: "#150", px: "1.0", sz: "13.0", side: "A", closedPnl: "0.5785", feeToken: "USDC" },
      { coin: "#151", px: "0.0", sz: "22.0", side: "A", closedPnl: "-1.04808", feeToken: "USDC" },
    ]);
    expect(updates(c).findLast((u) => u.order.cloid === "0x000000000000000000000000000c0001")?.status).toBe("outcomeSettledCanceled");
    const spot = (await info(sim, { type: "spotClearinghouseState", user: PAPER_ACCOUNT })).body;
    // 100000 - 12.4215 - 1.04808 + 13 (Yes) + 0 (No).
    expect(spot).toEqual({ balances: [{ coin: "USDC", token: 0, hold: "0.0", total: "99999.53042", entryNtl: "0.0" }] });
    // The universe rolled: the next pass lists outcome 16 (#160/#161).
    const next = (await info(sim, { type: "outcomeMeta" })).body as { outcomes: { outcome: number }[] };
    expect(next.outcomes.map((o) => o.outcome)).toEqual([16]);
    expect((await info(sim, { type: "l2Book", coin: "#150" })).body).toBeNull();
    expect((await info(sim, { type: "l2Book", coin: "#160" })).body).toMatchObject({ coin: "#160" });
  });
});
