import { describe, expect, it } from "vitest";
import { countFrame, frameToEvents, newFrameCounters, parseWsFrame, WELCOME_TEXT } from "./ws-frames";

const USER = "0x1234567890123456789012345678901234567890";
const fill = {
  coin: "#150",
  px: "0.29128",
  sz: "35",
  side: "B",
  time: 1_778_386_000_123,
  startPosition: "0",
  dir: "Buy",
  closedPnl: "0",
  hash: "0xabcdef",
  oid: 77738308,
  crossed: false,
  fee: "0",
  tid: 611279506717453,
  feeToken: "USDC",
  cloid: "0x0000000000000000000000000000abcd",
};
const text = (channel: string, data?: unknown): string => JSON.stringify(data === undefined ? { channel } : { channel, data });

describe("parseWsFrame", () => {
  it("recognises the plain-text greeting and pong instead of failing on them", () => {
    expect(parseWsFrame(WELCOME_TEXT)).toEqual({ ok: true, value: { channel: "welcome" } });
    expect(parseWsFrame(text("pong"))).toEqual({ ok: true, value: { channel: "pong" } });
  });

  it("parses acks and server error texts", () => {
    expect(parseWsFrame(text("subscriptionResponse", { method: "subscribe", subscription: { type: "l2Book", coin: "BTC", fast: true } }))).toMatchObject({
      ok: true,
      value: { channel: "subscriptionResponse", data: { subscription: { type: "l2Book", coin: "BTC", fast: true } } },
    });
    expect(parseWsFrame(text("error", "Already subscribed: {\"type\":\"trades\",\"coin\":\"SOL\"}"))).toMatchObject({ ok: true, value: { channel: "error" } });
  });

  it("reports each kind of bad input as a counted error value", () => {
    const counters = newFrameCounters();
    for (const t of ["", "garbage", "[1,2]", '{"data":{}}', text("candle", {}), text("l2Book", { coin: "BTC", time: 1, levels: [[{ px: "1e5", sz: "1", n: 1 }], []] })]) {
      countFrame(counters, parseWsFrame(t));
    }
    countFrame(counters, parseWsFrame(text("pong")));
    expect(counters).toEqual({ ok: 1, errors: { notJson: 2, notFrame: 2, unknownChannel: 1, badData: 1 } });
  });

  it("keeps the channel and a readable detail on bad data", () => {
    const r = parseWsFrame(text("bbo", { coin: "BTC", time: "now", bbo: [null, null] }));
    expect(r).toMatchObject({ ok: false, error: { kind: "badData", channel: "bbo" } });
    expect(!r.ok && r.error.detail).toContain("time");
  });
});

describe("frameToEvents", () => {
  const events = (t: string) => {
    const r = parseWsFrame(t);
    if (!r.ok) throw new Error(r.error.detail);
    return frameToEvents(r.value);
  };

  it("l2Book -> one book event, fast flag kept", () => {
    const levels = [[{ px: "0.29", sz: "100", n: 2 }], [{ px: "0.3", sz: "50", n: 1 }]];
    expect(events(text("l2Book", { coin: "#150", time: 5, levels, fast: true }))).toEqual([
      { kind: "book", venue: "hl", coin: "#150", ts: 5, bids: levels[0], asks: levels[1], fast: true },
    ]);
  });

  it("userFills: snapshot flag carried on every fill; absent means a live fill", () => {
    const snap = events(text("userFills", { isSnapshot: true, user: USER, fills: [fill] }));
    expect(snap).toEqual([
      {
        kind: "fill", venue: "hl", coin: "#150", ts: fill.time, px: "0.29128", sz: "35", side: "buy", oid: 77738308, cloid: fill.cloid,
        tid: "611279506717453", fee: "0", feeToken: "USDC", crossed: false, startPosition: "0", closedPnl: "0", snapshot: true,
      },
    ]);
    expect(events(text("userFills", { user: USER, fills: [fill] }))).toMatchObject([{ snapshot: false }]);
  });

  it("the userEvents channel (named 'user') gives fills; funding and cancels give none", () => {
    expect(events(text("user", { fills: [{ ...fill, side: "A" }] }))).toMatchObject([{ kind: "fill", side: "sell", snapshot: false }]);
    expect(events(text("user", { nonUserCancel: [{ coin: "BTC", oid: 1 }] }))).toEqual([]);
  });

  it("orderUpdates -> order updates at the status time", () => {
    const update = { order: { coin: "BTC", side: "A", limitPx: "70000", sz: "0", oid: 9, timestamp: 1, origSz: "0.1", cloid: fill.cloid }, status: "filled", statusTimestamp: 7 };
    expect(events(text("orderUpdates", [update]))).toEqual([
      { kind: "orderUpdate", venue: "hl", coin: "BTC", ts: 7, oid: 9, cloid: fill.cloid, side: "sell", px: "70000", sz: "0", origSz: "0.1", status: "filled" },
    ]);
  });

  it("post replies parse (action and error payloads) and carry no market events", () => {
    const action = text("post", { id: 3, response: { type: "action", payload: { status: "ok", response: { type: "cancel", data: { statuses: ["success"] } } } } });
    expect(parseWsFrame(action)).toMatchObject({ ok: true, value: { channel: "post", data: { id: 3 } } });
    expect(events(action)).toEqual([]);
    expect(parseWsFrame(text("post", { id: 4, response: { type: "error", payload: "429 Too Many Requests" } })).ok).toBe(true);
  });
});
