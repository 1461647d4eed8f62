import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WsBook, WsUserFills } from "../../../shared/venues/hyperliquid/ws-schemas";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, hip4Slice, order, signed, WsClient } from "./helpers";

/** The venue's documented WS frames (official docs), copied into the repo. */
const VECTORS = JSON.parse(readFileSync(new URL("../../fixtures/vectors/hyperliquid/ws_messages.json", import.meta.url), "utf8")) as {
  frames: { what: string; frame?: unknown; frame_text?: string; frame_shape?: unknown }[];
};
const vector = (what: string) => {
  const f = VECTORS.frames.find((x) => x.what.startsWith(what));
  if (f === undefined) throw new Error(what);
  return f;
};

const YES = 100_000_150;
let sim: Simulator;
const clients: WsClient[] = [];
const open = async (): Promise<WsClient> => {
  const c = await WsClient.open(sim.wsUrl);
  clients.push(c);
  return c;
};
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

describe("protocol basics", () => {
  beforeAll(async () => {
    sim = await startSimulator({ recordings: [hip4Slice()], speed: 0.001, loop: false, alignExpiry: false, idleTimeoutMs: 400 });
  });
  afterAll(() => sim.close());

  it("greets with the venue's plain-text line before any JSON", async () => {
    const c = await open();
    await c.until(() => c.frames.length > 0);
    expect(c.frames[0]).toBe(vector("plain-text greeting").frame_text);
  });

  it("acks subscribe and unsubscribe with the subscription echoed, and refuses repeats", async () => {
    const c = await open();
    const sub = { type: "trades", coin: "#150" };
    c.send({ method: "subscribe", subscription: sub });
    c.send({ method: "subscribe", subscription: sub });
    c.send({ method: "unsubscribe", subscription: sub });
    c.send({ method: "unsubscribe", subscription: sub });
    c.send({ method: "subscribe", subscription: { type: "l2Book", coin: "NOPE" } });
    await c.until(() => c.json().length >= 5);
    const ack = c.json()[0];
    expect(Object.keys(ack!)).toEqual(Object.keys(vector("subscribe ack").frame as object));
    expect(c.json()).toEqual([
      { channel: "subscriptionResponse", data: { method: "subscribe", subscription: sub } },
      { channel: "error", data: `Already subscribed: ${JSON.stringify(sub)}` },
      { channel: "subscriptionResponse", data: { method: "unsubscribe", subscription: sub } },
      { channel: "error", data: `Already unsubscribed: ${JSON.stringify(sub)}` },
      { channel: "error", data: `Invalid subscription ${JSON.stringify({ type: "l2Book", coin: "NOPE" })}` },
    ]);
  });

  it("answers ping with pong, and garbage with an error frame it counts", async () => {
    const c = await open();
    c.send(vector("heartbeat").frame);
    await c.until(() => c.json().length > 0);
    expect(c.json()).toEqual([vector("heartbeat reply").frame]);
    c.ws.send("{nope");
    await c.until(() => c.json().length > 1);
    expect(c.json()[1]).toEqual({ channel: "error", data: "Invalid message: {nope" });
    expect((sim.control.state()["ws"] as { badMessages: number }).badMessages).toBe(1);
  });

  it("sends userFills with a snapshot first (isSnapshot: true), updates after, and fills on channel user", async () => {
    const before = await open();
    before.send({ method: "subscribe", subscription: { type: "userEvents", user: PAPER_ACCOUNT } });
    await before.until(() => before.json().length > 0);
    await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.9555", size: "11", type: { limit: { tif: "Ioc" } } }));
    const c = await open();
    c.send({ method: "subscribe", subscription: { type: "userFills", user: PAPER_ACCOUNT } });
    await c.until(() => c.ofChannel("userFills").length === 1);
    const snapshot = c.ofChannel("userFills")[0] as { isSnapshot?: boolean; fills: unknown[] };
    expect(WsUserFills.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({ isSnapshot: true, user: PAPER_ACCOUNT, fills: [{ coin: "#150", px: "0.9555", sz: "11.0" }] });
    // Takes the 2 shares left at 0.9555; the rest of the IOC is cancelled.
    await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.9565", size: "11", type: { limit: { tif: "Ioc" } } }));
    await c.until(() => c.ofChannel("userFills").length === 2);
    const update = c.ofChannel("userFills")[1] as { isSnapshot?: boolean };
    expect(update.isSnapshot).toBeUndefined();
    // userEvents frames travel on channel "user" [docs subscriptions].
    await before.until(() => before.ofChannel("user").length >= 2);
    expect(before.ofChannel("user")[0]).toMatchObject({ fills: [{ coin: "#150", sz: "11.0" }] });
  });

  it("answers post requests for info and for signed actions on channel post", async () => {
    const c = await open();
    c.send({ method: "post", id: 123, request: { type: "info", payload: { type: "l2Book", coin: "#150" } } });
    const action = order({ asset: YES, isBuy: true, price: "0.9", size: "20", type: { limit: { tif: "Gtc" } } });
    c.send({ method: "post", id: 256, request: { type: "action", payload: await signed(PAPER_AGENT_KEY, action) } });
    await c.until(() => c.ofChannel("post").length === 2);
    const [i, a] = c.ofChannel("post") as { id: number; response: { type: string; payload: { type?: string; data?: unknown } } }[];
    expect(i).toMatchObject({ id: 123, response: { type: "info", payload: { type: "l2Book", data: { coin: "#150" } } } });
    expect(a).toMatchObject({ id: 256, response: { type: "action", payload: { status: "ok", response: { type: "order", data: { statuses: [{ resting: {} }] } } } } });
    expect(Object.keys(a!)).toEqual(Object.keys((vector("post action response").frame as { data: object }).data));
  });

  it("closes a socket whose client stayed silent past the idle timeout, not one that pings", async () => {
    const silent = await open();
    const pinging = await open();
    const timer = setInterval(() => pinging.send({ method: "ping" }), 100);
    try {
      await silent.closed;
      expect(pinging.ws.readyState).toBe(pinging.ws.OPEN);
      await new Promise((r) => setTimeout(r, 600));
      expect(pinging.ws.readyState).toBe(pinging.ws.OPEN);
    } finally {
      clearInterval(timer);
    }
    expect((sim.control.state()["ws"] as { idleClosed: number }).idleClosed).toBeGreaterThanOrEqual(1);
  });
});

describe("book cadence on the real recording", () => {
  beforeAll(async () => {
    sim = await startSimulator({ recordings: ["hip4-2026-05-10"], speed: 1, slowBookMs: 300 });
  });
  afterAll(() => sim.close());

  it("pushes 5 levels with fast at the recorded cadence and 20 levels without on the slow tick", async () => {
    const fast = await open();
    const slow = await open();
    fast.send({ method: "subscribe", subscription: { type: "l2Book", coin: "#150", fast: true } });
    slow.send({ method: "subscribe", subscription: { type: "l2Book", coin: "#150" } });
    await fast.until(() => fast.ofChannel("l2Book").length >= 4, 10_000);
    await slow.until(() => slow.ofChannel("l2Book").length >= 3, 10_000);
    for (const b of fast.ofChannel("l2Book") as { levels: unknown[][]; fast?: boolean }[]) {
      expect(WsBook.safeParse(b).success).toBe(true);
      expect(b.fast).toBe(true);
      expect(b.levels.map((l) => l.length)).toEqual([5, 5]);
    }
    for (const b of slow.ofChannel("l2Book") as { levels: unknown[][]; fast?: boolean }[]) {
      expect(b.fast).toBeUndefined();
      expect(b.levels.map((l) => l.length)).toEqual([20, 20]);
    }
    // Fast frames carry the recorded snapshot times: strictly increasing, ~0.5 s apart.
    const times = (fast.ofChannel("l2Book") as { time: number }[]).map((b) => b.time);
    for (let i = 2; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
  });
});
