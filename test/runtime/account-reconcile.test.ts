/**
 * Reconciliation with the venue (SPEC §9, §12): an order on a traded market that the RiskDO
 * did not place (no cloid of ours) is cancelled; fills the private stream never delivered are
 * applied once from userFills and recorded, and the positions then equal the venue's with no
 * drift reported.
 */
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskDO } from "../../durable-objects/risk-do";
import { decision, ioc, NO, readyRisk, reset, simGet, simOrders, simPost, stopRisk, timing, touch, until, venueLots, YES } from "./account-fixtures";

const NAME = "risk-reconcile";
const ENG = "rec:#150";
let risk: DurableObjectStub<RiskDO>;

beforeAll(async () => {
  await reset();
  risk = await readyRisk(NAME, { [ENG]: [YES, NO] });
});

afterAll(async () => {
  await simPost("/control/faults/clear");
  await risk.cancelAll("end of test file");
  await stopRisk(NAME);
});

const simTime = async (): Promise<number> => ((await simGet("/control/state")) as { simTime: number }).simTime;

describe("reconciliation", () => {
  it("cancels an order on a traded market that is not ours", async () => {
    const t = await touch(YES);
    const price = ((t.bid - 4_000) / 1e5).toFixed(5).replace(/0+$/, "");
    const foreign = "0xffffffffffffffff0000000000000001";
    // Placed with the same agent key as the bot, outside it (a manual order), with a nonce of its own.
    const placed = await env.SIGNER.placeOrders({ orders: [{ asset: 100_000_150, isBuy: true, price, size: "20", tif: "Gtc", reduceOnly: false, cloid: foreign, pxDecimals: 5, szDecimals: 0 }], nonce: (await simTime()) - 7_777 });
    expect(placed.results[0]).toMatchObject({ kind: "resting" });
    const oid = (placed.results[0] as { oid: number }).oid;

    const report = await risk.reconcileNow();
    expect(report).toMatchObject({ ok: true, actions: { cancelsByOid: 1 } });
    await until(simOrders, (o) => !o.some((x) => x.cloid === foreign), 10_000, "the foreign order cancelled");
    const cancels = await risk.decisions({ kind: "cancel_ack", limit: 5 });
    expect(cancels.ok && cancels.value.some((e) => (e.body as { oid?: number; result: { kind: string } }).oid === oid && (e.body as { result: { kind: string } }).result.kind === "ok")).toBe(true);
  });

  it("applies fills the private stream missed, once, and the positions equal the venue's", async () => {
    // Fill frames withheld (pongs still answered: the socket stays healthy).
    await simPost("/control/faults/stall", { channels: ["userFills", "user", "orderUpdates"], ms: 60_000 });
    const before = await venueLots([YES]);
    const t = await touch(YES);
    await risk.submit(decision(ENG, [], [ioc(ENG, YES, "buy", Math.min(t.ask + 1_000, 99_999), 12, "take")]), timing());
    const venue = await until(() => venueLots([YES]), (v) => v["hl:#150"] !== before["hl:#150"], 10_000, "the venue filled");
    const unseen = (await risk.positions()).find((p) => p.market === "hl:#150")?.lots ?? 0;
    expect(unseen).toBe(before["hl:#150"]);

    const report = await risk.reconcileNow();
    expect(report).toMatchObject({ ok: true, drift: [] });
    expect((await risk.positions()).find((p) => p.market === "hl:#150")?.lots).toBe(venue["hl:#150"]);
    const fills = await risk.decisions({ kind: "fill", limit: 100 });
    const fromReconcile = fills.ok ? fills.value.filter((e) => (e.body as { source?: string }).source === "reconcile") : [];
    expect(fromReconcile.length).toBeGreaterThan(0);

    // Once the frames flow again nothing is applied twice.
    await simPost("/control/faults/clear");
    const again = await risk.reconcileNow();
    expect(again.drift).toEqual([]);
    expect((await risk.positions()).find((p) => p.market === "hl:#150")?.lots).toBe(venue["hl:#150"]);
  });
});
