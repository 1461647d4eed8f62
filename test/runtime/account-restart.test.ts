/**
 * Restart (SPEC §12): the RiskDO is torn down (`abortAllDurableObjects`) while a submit waits on
 * a delayed /exchange. The new instance restores the order from SQLite (its reservation was
 * written before the signer was called), refuses decisions until the private stream is back and
 * a reconciliation ran, resolves the in-flight order from the venue's open orders, and trades
 * on: the simulator's request log never shows a cloid in two order requests. The kill switch
 * and the equity peak survive a restart too. The engine state is stored in parts (head, one row
 * per order, one per trade id) that read back as exactly the live engine's state; storage of the
 * older format (one JSON document) is restored from and rewritten in parts.
 */
import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskDO } from "../../durable-objects/risk-do";
import type { AccountDesk } from "../../durable-objects/risk/desk";
import { EngineStateStore } from "../../durable-objects/risk/engine-state";
import { RiskStore } from "../../durable-objects/risk/store";
import type { AccountEngineState } from "../../shared/engine/types";
import { decision, quote, readyRisk, reset, riskStub, simGet, simOrders, simPost, simRequests, stopRisk, timing, touch, until, YES, NO } from "./account-fixtures";

const NAME = "risk-restart";
const ENG = "restart:#150";
let risk: DurableObjectStub<RiskDO>;

beforeAll(async () => {
  await reset();
  risk = await readyRisk(NAME, { [ENG]: [YES, NO] });
});

afterAll(async () => {
  await riskStub(NAME).cancelAll("end of test file");
  await stopRisk(NAME);
});

const exchangeCount = async (): Promise<number> => ((await simGet("/control/state")) as { requests: { exchange: number } }).requests.exchange;

describe("restart in the middle of a submit", () => {
  it("restores from SQLite, reconciles, sends no duplicate, and trades on", async () => {
    // The dead man's switch is armed first, so the delayed request below is the order itself.
    await until(() => risk.status(), (s) => s.scheduleCancel.armedUntil !== null, 20_000, "dead man's switch armed");
    const t = await touch(YES);
    const bid = t.bid - 3_000;
    const lots = Math.ceil(12 / (bid / 1e5));
    const before = await exchangeCount();
    await simPost("/control/faults/exchange", { mode: "delay", ms: 2_500, count: 1 });
    const pending = risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid, lots)]), timing()).then(
      () => "answered",
      (e: unknown) => `failed: ${e instanceof Error ? e.message : String(e)}`,
    );
    await until(exchangeCount, (n) => n > before, 10_000, "the order request reached the venue");
    await abortAllDurableObjects();
    expect(await pending).toMatch(/^failed/);

    const again = riskStub(NAME);
    // The first call after the restart: a decision before the reconciliation is refused and recorded.
    const early = await again.submit(decision(ENG, [quote(ENG, YES, "buy", bid - 20, lots)]), timing());
    expect(early).toMatchObject({ mode: "halted" });
    const refused = await again.decisions({ kind: "refused", limit: 1 });
    expect(refused.ok && (refused.value[0]?.body as { reason: string }).reason).toMatch(/^not accepting orders while booting/);
    // Restored without I/O: the order is known (sent, reserved) before anything was asked.
    const restored = await again.status();
    const inFlight = restored.account?.openOrders ?? [];
    expect(inFlight).toEqual([expect.objectContaining({ market: "hl:#150", side: "buy", sz: String(lots) })]);
    const cloid = inFlight[0]!.cloid;
    expect(["sent", "unknown", "resting"]).toContain(inFlight[0]!.status);

    await until(() => again.status(), (s) => s.ready, 30_000, "ready after the restart");
    await until(() => again.openOrders(), (o) => o.some((x) => x.cloid === cloid && x.status === "resting"), 20_000, "the in-flight order resolved as resting");
    expect((await simOrders()).filter((o) => o.cloid === cloid)).toHaveLength(1);

    // The same decision again: the order it wants already rests; nothing is sent.
    const same = await again.submit(decision(ENG, [quote(ENG, YES, "buy", bid, lots)]), timing());
    expect(same.liveOrders[`${ENG}:bid`]?.cloid).toBe(cloid);
    // A moved quote: cancel by cloid + one new order, and trading goes on.
    const moved = await again.submit(decision(ENG, [quote(ENG, YES, "buy", bid - 10, lots)]), timing());
    const next = moved.liveOrders[`${ENG}:bid`]!.cloid;
    expect(next).not.toBe(cloid);
    expect((await simOrders()).map((o) => o.cloid)).toEqual([next]);

    const requests = await simRequests();
    const orderRequests = requests.filter((r) => r.type === "order");
    const sent = orderRequests.flatMap((r) => r.cloids);
    expect(new Set(sent).size).toBe(sent.length);
    expect(orderRequests.find((r) => r.cloids.includes(cloid))?.fault).toBe("delay 2500ms");
    // The nonce source is persisted: across the restart every signed request took a fresh nonce, none refused.
    const nonces = requests.map((r) => r.nonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(requests.some((r) => JSON.stringify(r.body).includes("Invalid nonce"))).toBe(false);
  });

  it("the state in SQLite reads back as the live engine's; the older single document is restored and rewritten in parts", async () => {
    const deskOf = (instance: unknown): AccountDesk => (instance as { desk: AccountDesk }).desk;
    const storedMatchesLive = (instance: unknown, state: DurableObjectState): void => {
      const desk = deskOf(instance);
      desk.flush();
      const stored = new EngineStateStore(state.storage.sql, new RiskStore(state.storage.sql)).load();
      expect(JSON.stringify(stored)).toBe(JSON.stringify(desk.engine!.state));
      expect(state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM kv WHERE k = 'engine'").one().n).toBe(0);
    };
    const stub = riskStub(NAME);
    await until(() => stub.status(), (s) => s.ready, 30_000, "ready");
    const whole = await runInDurableObject(stub, (instance, state): AccountEngineState => {
      storedMatchesLive(instance, state);
      const e = deskOf(instance).engine!.exportState();
      expect(Object.keys(e.book.orders).length).toBeGreaterThan(1);
      // What older storage held: the whole state as one kv document, no parts.
      const sql = state.storage.sql;
      for (const t of ["engine_head", "engine_orders", "engine_tids"]) sql.exec(`DELETE FROM ${t}`);
      new RiskStore(sql).put("engine", e);
      return e;
    });
    await abortAllDurableObjects();
    const after = riskStub(NAME);
    await runInDurableObject(after, (instance) => {
      const e = deskOf(instance).engine!.state;
      expect(Object.keys(e.book.orders)).toEqual(Object.keys(whole.book.orders));
      expect(e.risk.positions).toEqual(whole.risk.positions);
      expect(e.seenTids).toEqual(whole.seenTids);
      expect(e.risk.killed).toBe(whole.risk.killed);
    });
    await until(() => after.status(), (s) => s.ready, 30_000, "ready after the restart");
    await runInDurableObject(after, storedMatchesLive);
  });

  it("the kill switch survives a restart", async () => {
    const stub = riskStub(NAME);
    await stub.kill("before restart");
    await abortAllDurableObjects();
    const after = riskStub(NAME);
    expect((await after.status()).account).toMatchObject({ killed: true, killReason: "before restart" });
    await until(() => after.status(), (s) => s.ready, 30_000, "ready after the restart");
    expect(await after.resume({ resetPeak: false })).toMatchObject({ ok: true, value: { killed: false } });
  });
});
