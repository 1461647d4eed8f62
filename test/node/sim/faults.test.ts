import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cancelByCloidAction } from "../../../shared/venues/hyperliquid/actions";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator, type SimulatorOptions } from "../../../scripts/sim/simulator";
import { exchange, hip4Slice, info, must, order, postJson, signed, SLICE_T0, WsClient } from "./helpers";

const YES = 100_000_150;
const SPEED = 0.001;
let sim: Simulator;
const clients: WsClient[] = [];

async function start(extra: Partial<SimulatorOptions> = {}): Promise<void> {
  sim = await startSimulator({ recordings: [hip4Slice()], speed: SPEED, loop: false, alignExpiry: false, ...extra });
}
async function open(...subs: unknown[]): Promise<WsClient> {
  const c = await WsClient.open(sim.wsUrl);
  clients.push(c);
  for (const s of subs) c.send({ method: "subscribe", subscription: s });
  await c.until(() => c.ofChannel("subscriptionResponse").length === subs.length);
  return c;
}
const bid = (cloid: string, px = "0.9") => order({ asset: YES, isBuy: true, price: px, size: "20", type: { limit: { tif: "Gtc" } }, cloid });
const openCloids = (): unknown[] => sim.control.openOrders(PAPER_ACCOUNT).map((o) => o["cloid"]);
const toRecorded = (recorded: number, done: number): number => (recorded - SLICE_T0) / SPEED - done;

beforeEach(() => start());
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await sim.close();
});

describe("sockets", () => {
  it("drop: every socket is cut without a close frame", async () => {
    const c = await open({ type: "trades", coin: "#150" });
    // Through the HTTP control endpoint, as an operator or another process would.
    expect((await postJson(`${sim.url}/control/faults/drop`, {})).body).toEqual({ ok: true, result: 1 });
    expect(await c.closed).toEqual({ code: 1006 });
  });

  it("drop by channel only cuts the sockets subscribed to it", async () => {
    const books = await open({ type: "l2Book", coin: "#150" });
    const other = await open({ type: "trades", coin: "#150" });
    expect(sim.control.dropSockets("l2Book")).toBe(1);
    expect(await books.closed).toEqual({ code: 1006 });
    other.send({ method: "ping" });
    await other.until(() => other.ofChannel("pong").length === 1);
  });

  it("unannounced disconnects: the venue drops sockets periodically", async () => {
    await sim.close();
    await start({ disconnectEveryMs: 30_000 });
    const c = await open({ type: "trades", coin: "#150" });
    sim.control.advance(30_000);
    expect(await c.closed).toEqual({ code: 1006 });
  });

  it("stall: a feed goes silent while its socket stays open and answers pings", async () => {
    const c = await open({ type: "l2Book", coin: "#150", fast: true });
    await c.until(() => c.ofChannel("l2Book").length === 1);
    sim.control.stall({ channels: ["l2Book"] });
    sim.control.advance(toRecorded(1778385608681, 0));
    c.send({ method: "ping" });
    await c.until(() => c.ofChannel("pong").length === 1);
    expect(c.ofChannel("l2Book")).toHaveLength(1);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
    sim.control.clearFaults();
    sim.control.advance(toRecorded(1778385609215, toRecorded(1778385608681, 0)));
    await c.until(() => c.ofChannel("l2Book").length === 2);
    expect((sim.control.state()["faults"] as { framesStalled: number }).framesStalled).toBeGreaterThanOrEqual(1);
  });

  it("malformed: the next frame of the channel arrives as invalid JSON", async () => {
    const c = await open({ type: "l2Book", coin: "#150", fast: true });
    await c.until(() => c.ofChannel("l2Book").length === 1);
    sim.control.malformed({ channel: "l2Book", count: 1 });
    sim.control.advance(toRecorded(1778385608681, 0));
    await c.until(() => c.frames.length >= 4);
    const last = c.frames[c.frames.length - 1]!;
    expect(last.startsWith('{"channel":"l2Book"')).toBe(true);
    expect(() => JSON.parse(last)).toThrow();
  });
});

describe("fills delivery", () => {
  const fillFrames = (c: WsClient): string[] => c.frames.filter((f) => f.startsWith('{"channel":"userFills"') && !f.includes('"isSnapshot":true'));

  it("duplicate: the same fills frame arrives twice", async () => {
    const c = await open({ type: "userFills", user: PAPER_ACCOUNT });
    sim.control.fills({ mode: "duplicate" });
    await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.9555", size: "11", type: { limit: { tif: "Ioc" } } }));
    await c.until(() => fillFrames(c).length === 2);
    expect(fillFrames(c)[0]).toBe(fillFrames(c)[1]);
  });

  it("reorder: a fills frame is overtaken by the next one", async () => {
    const c = await open({ type: "userFills", user: PAPER_ACCOUNT });
    sim.control.fills({ mode: "reorder" });
    await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.9555", size: "11", type: { limit: { tif: "Ioc" } } }));
    await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.957", size: "11", type: { limit: { tif: "Ioc" } } }));
    await c.until(() => fillFrames(c).length >= 2);
    const tids = fillFrames(c).map((f) => (JSON.parse(f) as { data: { fills: { tid: number }[] } }).data.fills[0]!.tid);
    expect(tids[0]!).toBeGreaterThan(tids[1]!);
  });
});

describe("/exchange failures", () => {
  it("delay: the answer comes late (and the action runs when it is answered)", async () => {
    sim.control.exchangeFault({ mode: "delay", ms: 300 });
    const t0 = Date.now();
    const r = await exchange(sim, PAPER_AGENT_KEY, bid("0x000000000000000000000000000d0001"));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(r.body).toMatchObject({ status: "ok" });
    expect(sim.control.requests().at(-1)).toMatchObject({ fault: "delay 300ms", cloids: ["0x000000000000000000000000000d0001"] });
  });

  it("timeout after accepting: no answer ever comes, yet the order rests", async () => {
    sim.control.exchangeFault({ mode: "timeout" });
    const cloid = "0x000000000000000000000000000d0002";
    await expect(exchange(sim, PAPER_AGENT_KEY, bid(cloid), { signal: AbortSignal.timeout(500) })).rejects.toThrow();
    expect(openCloids()).toEqual([cloid]);
    expect((await info(sim, { type: "orderStatus", user: PAPER_ACCOUNT, oid: cloid })).body).toMatchObject({ order: { status: "open" } });
  });

  it("a WS post that times out after accepting is never answered, yet runs", async () => {
    const c = await open();
    sim.control.exchangeFault({ mode: "timeout" });
    const cloid = "0x000000000000000000000000000d0003";
    c.send({ method: "post", id: 7, request: { type: "action", payload: await signed(PAPER_AGENT_KEY, bid(cloid)) } });
    while (openCloids().length === 0) await new Promise((r) => setTimeout(r, 10));
    c.send({ method: "post", id: 8, request: { type: "info", payload: { type: "openOrders", user: PAPER_ACCOUNT } } });
    await c.until(() => c.ofChannel("post").length === 1);
    expect(c.ofChannel("post")).toMatchObject([{ id: 8, response: { type: "info", payload: { data: [{ cloid }] } } }]);
  });

  it("5xx: a server error, with or without the action having run", async () => {
    sim.control.exchangeFault({ mode: "status", status: 502 });
    const r1 = await exchange(sim, PAPER_AGENT_KEY, bid("0x000000000000000000000000000d0004"));
    expect(r1).toEqual({ http: 502, body: "Bad Gateway" });
    expect(openCloids()).toEqual([]);
    sim.control.exchangeFault({ mode: "status", status: 500, execute: true });
    const r2 = await exchange(sim, PAPER_AGENT_KEY, bid("0x000000000000000000000000000d0005"));
    expect(r2).toEqual({ http: 500, body: "Internal Server Error" });
    expect(openCloids()).toEqual(["0x000000000000000000000000000d0005"]);
  });

  it("429: refused as rate limited, body null, nothing placed", async () => {
    sim.control.exchangeFault({ mode: "status", status: 429 });
    expect(await exchange(sim, PAPER_AGENT_KEY, bid("0x000000000000000000000000000d0006"))).toEqual({ http: 429, body: null });
    expect(openCloids()).toEqual([]);
  });

  it("the IP weight budget answers 429 with body null once the minute's weight is spent", async () => {
    await sim.close();
    await start({ ipWeightPerMinute: 45 });
    expect((await info(sim, { type: "meta" })).http).toBe(200);
    expect((await info(sim, { type: "meta" })).http).toBe(200);
    expect(await info(sim, { type: "meta" })).toEqual({ http: 429, body: null });
  });
});

describe("read-only views", () => {
  it("the request log names the cloids of every request, and the views show orders and accounts", async () => {
    const cloid = "0x000000000000000000000000000e0001";
    await exchange(sim, PAPER_AGENT_KEY, bid(cloid));
    expect(sim.control.openOrders(PAPER_ACCOUNT)).toMatchObject([{ cloid, status: "open", queueAhead: 0 }]);
    await exchange(sim, PAPER_AGENT_KEY, must(cancelByCloidAction([{ asset: YES, cloid }])));
    const log = (await fetch(`${sim.url}/control/requests`).then((r) => r.json())) as { type: string; cloids: string[]; user: string }[];
    expect(log.map((e) => [e.type, e.cloids, e.user])).toEqual([
      ["order", [cloid], PAPER_ACCOUNT],
      ["cancelByCloid", [cloid], PAPER_ACCOUNT],
    ]);
    const accounts = (await fetch(`${sim.url}/control/accounts`).then((r) => r.json())) as { address: string; requestsUsed: number }[];
    expect(accounts).toMatchObject([{ address: PAPER_ACCOUNT, requestsUsed: 2 }]);
  });
});
