import { describe, expect, it } from "vitest";
import { parseWsFrame, subscribeMessage } from "../../venues/hyperliquid";
import { BookClock, bookFeed, frameFeed, marketSubscriptions, restBookEvent, resyncingEvents } from "./feed";

const frame = (text: string) => {
  const r = parseWsFrame(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

// Frames as the venue (and the simulator) print them; values from the HIP-4 recording's first #150 book.
const BOOK = '{"channel":"l2Book","data":{"coin":"#150","time":1778385608135,"levels":[[{"px":"0.95236","sz":"22","n":1}],[{"px":"0.9555","sz":"13","n":1}]],"fast":true}}';
const BBO = '{"channel":"bbo","data":{"coin":"#150","time":1778385608135,"bbo":[{"px":"0.95236","sz":"22","n":1},{"px":"0.9555","sz":"13","n":1}]}}';
const TRADES = '{"channel":"trades","data":[{"coin":"#150","side":"A","px":"0.95236","sz":"22","hash":"0x00","time":1778385608268,"tid":669968902624609,"users":["0x0000000000000000000000000000000000000000","0x0000000000000000000000000000000000000000"]}]}';

describe("market feed", () => {
  it("subscribes the fast book, bbo and trades of every coin, in venue syntax", () => {
    const subs = marketSubscriptions(["#150", "BTC"]);
    expect(subs).toHaveLength(6);
    expect(subscribeMessage(subs[0]!)).toBe('{"method":"subscribe","subscription":{"type":"l2Book","coin":"#150","fast":true}}');
    expect(subs.map((s) => s.type)).toEqual(["l2Book", "bbo", "trades", "l2Book", "bbo", "trades"]);
  });

  it("keys each frame to the feed whose heartbeat it is", () => {
    expect(frameFeed(frame('{"channel":"pong"}'))).toBe("pong");
    expect(frameFeed(frame(BOOK))).toBe(bookFeed("#150"));
    expect(frameFeed(frame(BBO))).toBe("bbo:#150");
    expect(frameFeed(frame(TRADES))).toBe("trades:#150");
    expect(frameFeed(frame('{"channel":"trades","data":[]}'))).toBeNull();
    expect(frameFeed(frame('{"channel":"subscriptionResponse","data":{"method":"subscribe","subscription":{"type":"bbo","coin":"#150"}}}'))).toBeNull();
    expect(frameFeed(frame("Websocket connection established."))).toBeNull();
  });

  it("applies a REST snapshot only when it is newer than what the socket delivered", () => {
    const clock = new BookClock();
    clock.seen("#150", 1_000);
    expect(clock.takeIfNewer("#150", 999)).toBe(false);
    expect(clock.takeIfNewer("#150", 1_000)).toBe(false);
    expect(clock.takeIfNewer("#150", 1_001)).toBe(true);
    expect(clock.takeIfNewer("#150", 1_001)).toBe(false);
    expect(clock.takeIfNewer("BTC", 1)).toBe(true);
    clock.seen("#150", 5);
    expect(clock.takeIfNewer("#150", 1_002)).toBe(true);
  });

  it("turns REST books and connection changes into engine events", () => {
    expect(restBookEvent({ coin: "BTC", time: 7, levels: [[{ px: "80742", sz: "6.18459", n: 3 }], [{ px: "80743", sz: "8.46889", n: 1 }]] })).toEqual({
      kind: "book",
      venue: "hl",
      coin: "BTC",
      ts: 7,
      bids: [{ px: "80742", sz: "6.18459", n: 3 }],
      asks: [{ px: "80743", sz: "8.46889", n: 1 }],
    });
    expect(resyncingEvents(["#150", "BTC"], "socket closed", 9)).toEqual([
      { kind: "resyncing", venue: "hl", coin: "#150", ts: 9, reason: "socket closed" },
      { kind: "resyncing", venue: "hl", coin: "BTC", ts: 9, reason: "socket closed" },
    ]);
  });
});
