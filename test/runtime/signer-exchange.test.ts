/**
 * The signer Worker against the simulator, through its service binding: one signed action per
 * call, posted once, one result per order or cancel in request order. Venue refusals are
 * `rejected` (routine) or `error`; a whole request refused, a 429, and a duplicate nonce are
 * errors; a 5xx and a timeout are `unknown`. A timed-out request is never retried, and its
 * expiresAfter makes the venue drop it when it arrives late. A request that cannot be built is
 * `denied` and never posted.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { WireOrder } from "../../shared/runtime/account/signer-protocol";
import { reset, simGet, simOrders, simPost, simRequests, touch, until, YES } from "./account-fixtures";

let lastNonce = 0;
const simTime = async (): Promise<number> => ((await simGet("/control/state")) as { simTime: number }).simTime;
const nonce = async (): Promise<number> => (lastNonce = Math.max(await simTime(), lastNonce + 1));
const exchangeCount = async (): Promise<number> => ((await simGet("/control/state")) as { requests: { exchange: number } }).requests.exchange;

let n = 0;
const cloid = (): string => `0x00000000000000000000005167e4${(++n).toString(16).padStart(4, "0")}`;

const order = (o: Partial<WireOrder>): WireOrder => ({ asset: 100_000_150, isBuy: true, price: "0.5", size: "30", tif: "Alo", reduceOnly: false, cloid: cloid(), pxDecimals: 5, szDecimals: 0, ...o });
const wire = (ticks: number): string => (ticks / 1e5).toFixed(5).replace(/0+$/, "");

beforeAll(async () => {
  await reset();
});

describe("signer Worker against the simulator", () => {
  it("places a batch as one order action and answers each order in request order", async () => {
    const t = await touch(YES);
    const rest = order({ price: wire(t.bid - 3_000), size: String(Math.ceil(12 / ((t.bid - 3_000) / 1e5))) });
    const cross = order({ price: wire(t.ask), size: "13" });
    const noMatch = order({ price: wire(t.bid - 3_000), size: "13", tif: "Ioc" });
    const before = await exchangeCount();
    const reply = await env.SIGNER.placeOrders({ orders: [rest, cross, noMatch], nonce: await nonce() });
    expect(await exchangeCount()).toBe(before + 1);
    expect(reply.http).toBe(200);
    expect(reply.results).toEqual([
      { kind: "resting", oid: expect.any(Number) },
      { kind: "rejected", reason: expect.stringMatching(/^Post only order would have immediately matched/) },
      { kind: "rejected", reason: expect.stringMatching(/^Order could not immediately match/) },
    ]);
    expect((await simOrders()).map((o) => o.cloid)).toEqual([rest.cloid]);
    expect((await simRequests()).at(-1)).toMatchObject({ type: "order", cloids: [rest.cloid, cross.cloid, noMatch.cloid], nonce: reply.nonce });
  });

  it("cancels by cloid, one status per cancel", async () => {
    const [resting] = await simOrders();
    const reply = await env.SIGNER.cancelByCloid({ cancels: [{ asset: 100_000_150, cloid: resting!.cloid! }, { asset: 100_000_150, cloid: cloid() }], nonce: await nonce() });
    expect(reply.results).toEqual([{ kind: "ok" }, { kind: "error", message: expect.stringMatching(/^Order was never placed, already canceled, or filled\./) }]);
    expect(await simOrders()).toEqual([]);
  });

  it("a whole request refused (duplicate nonce) is an error for every order, and nothing rests", async () => {
    const used = await nonce();
    await env.SIGNER.noop({ nonce: used });
    const o = order({ price: "0.5" });
    const reply = await env.SIGNER.placeOrders({ orders: [o], nonce: used });
    expect(reply.results).toEqual([{ kind: "error", message: `Invalid nonce: duplicate nonce ${used}` }]);
    expect(await simOrders()).toEqual([]);
  });

  it("429 is an error (not run); a 503 is unknown (the outcome is not known)", async () => {
    await simPost("/control/faults/exchange", { mode: "status", status: 429, count: 1 });
    const limited = await env.SIGNER.placeOrders({ orders: [order({})], nonce: await nonce() });
    expect(limited).toMatchObject({ http: 429, results: [{ kind: "error", message: "HTTP 429: rate limited, not executed" }] });
    await simPost("/control/faults/exchange", { mode: "status", status: 503, count: 1 });
    const unavailable = await env.SIGNER.placeOrders({ orders: [order({}), order({})], nonce: await nonce() });
    expect(unavailable).toMatchObject({ http: 503, results: [{ kind: "unknown", cause: "http_5xx" }, { kind: "unknown", cause: "http_5xx" }] });
  });

  it("a timeout is unknown; the request is not retried, and arriving after its expiresAfter it is dropped by the venue", async () => {
    await simPost("/control/faults/exchange", { mode: "delay", ms: 2_500, count: 1 });
    const before = await exchangeCount();
    const late = order({});
    const reply = await env.SIGNER.placeOrders({ orders: [late], nonce: await nonce(), expiresAfter: (await simTime()) + 1_000, timeoutMs: 500 });
    expect(reply).toMatchObject({ http: null, results: [{ kind: "unknown", cause: "timeout" }], note: expect.stringMatching(/^timeout/) });
    const logged = await until(simRequests, (r) => r.some((x) => x.cloids.includes(late.cloid)), 10_000, "the late request logged");
    expect(logged.filter((x) => x.cloids.includes(late.cloid))).toEqual([expect.objectContaining({ fault: "delay 2500ms", body: { status: "err", response: "Action already expired" } })]);
    expect(await exchangeCount()).toBe(before + 1);
    expect((await simOrders()).map((o) => o.cloid)).not.toContain(late.cloid);
  });

  it("a request that cannot be built is denied and never posted", async () => {
    const before = await exchangeCount();
    const reply = await env.SIGNER.placeOrders({ orders: [order({ reduceOnly: true })], nonce: await nonce() });
    expect(reply).toMatchObject({ http: null, results: [{ kind: "denied", reason: expect.stringMatching(/reduceOnly/) }] });
    const bad = await env.SIGNER.placeOrders({ orders: [order({ price: "0" })], nonce: await nonce() });
    expect(bad.results[0]).toMatchObject({ kind: "denied" });
    expect(await exchangeCount()).toBe(before);
  });

  it("scheduleCancel and noop", async () => {
    const early = await env.SIGNER.scheduleCancel({ time: (await simTime()) + 1_000, nonce: await nonce() });
    expect(early.results).toEqual([{ kind: "error", message: "Scheduled cancel time too early, must be at least 5 seconds from now." }]);
    const armed = await env.SIGNER.scheduleCancel({ time: (await simTime()) + 60_000, nonce: await nonce() });
    expect(armed.results).toEqual([{ kind: "ok" }]);
    const disarmed = await env.SIGNER.scheduleCancel({ time: null, nonce: await nonce() });
    expect(disarmed.results).toEqual([{ kind: "ok" }]);
    expect((await env.SIGNER.noop({ nonce: await nonce() })).results).toEqual([{ kind: "ok" }]);
  });
});
