import { describe, expect, it } from "vitest";
import { HL_LIVENESS, Liveness } from "./liveness";

const half = (): number => 0.5;

function upAndSynced(now = 0): Liveness {
  const l = new Liveness(HL_LIVENESS, half);
  l.watch("l2Book:BTC", 5_000);
  l.watch("trades:BTC", null);
  expect(l.start(now)).toEqual([{ kind: "connect" }]);
  l.opened(now + 10);
  expect(l.received(now + 20, "l2Book:BTC")).toEqual([{ kind: "resynced" }]);
  return l;
}

describe("Liveness", () => {
  it("is resynced only once every stale-limited feed delivered after the (re)connect", () => {
    const l = new Liveness(HL_LIVENESS, half);
    l.watch("l2Book:BTC", 5_000);
    l.watch("l2Book:ETH", 5_000);
    l.start(0);
    l.opened(5);
    expect(l.received(6, "l2Book:BTC")).toEqual([]);
    expect(l.received(7, "trades:BTC")).toEqual([]);
    expect(l.received(8, "l2Book:ETH")).toEqual([{ kind: "resynced" }]);
    expect(l.received(9, "l2Book:ETH")).toEqual([]);
  });

  it("pings when the client has been silent, and drops a socket whose ping goes unanswered", () => {
    const l = upAndSynced();
    let t = 20;
    for (; t < 20_000; t += 400) l.received(t, "l2Book:BTC");
    expect(l.tick(20_010)).toEqual([{ kind: "ping" }]);
    expect(l.tick(20_020)).toEqual([]);
    for (t = 20_100; t < 30_010; t += 400) l.received(t, "l2Book:BTC");
    const actions = l.tick(30_010);
    expect(actions[0]).toEqual({ kind: "drop", reason: "no pong for 10000 ms" });
    expect(actions[1]).toMatchObject({ kind: "resyncing" });
  });

  it("keeps a quiet market alive as long as pongs come back", () => {
    const l = new Liveness(HL_LIVENESS, half);
    l.watch("userFills", null);
    l.start(0);
    l.opened(0);
    for (let t = 1_000; t < 600_000; t += 1_000) {
      for (const a of l.tick(t)) {
        expect(a.kind).toBe("ping");
        l.received(t + 50, "pong");
      }
    }
    expect(l.status.phase).toBe("up");
  });

  it("treats a stalled but open feed like a lost socket", () => {
    const l = upAndSynced();
    l.received(1_000, "l2Book:BTC");
    l.received(1_500, "pong");
    expect(l.tick(5_999)).toEqual([]);
    expect(l.tick(6_000)).toEqual([
      { kind: "drop", reason: "feed l2Book:BTC silent for 5000 ms" },
      { kind: "resyncing", reason: "feed l2Book:BTC silent for 5000 ms" },
    ]);
    expect(l.status.phase).toBe("down");
  });

  it("reconnects after a jittered, growing backoff and resets it once resynced", () => {
    const l = upAndSynced();
    expect(l.closed(100, "close 1006")).toEqual([{ kind: "resyncing", reason: "close 1006" }]);
    expect(l.closed(100, "close 1006")).toEqual([]);
    const first = l.nextDeadlineMs();
    expect(first).toBe(100 + 500); // attempt 1: 0.5 * min(30 s, 500·2)
    expect(l.tick(first! - 1)).toEqual([]);
    expect(l.tick(first!)).toEqual([{ kind: "connect" }]);
    expect(l.tick(first! + HL_LIVENESS.connectTimeoutMs)[0]).toEqual({ kind: "drop", reason: "connect timeout" });
    expect(l.nextDeadlineMs()).toBe(first! + HL_LIVENESS.connectTimeoutMs + 1_000); // attempt 2
    l.tick(l.nextDeadlineMs()!);
    l.opened(20_000);
    expect(l.received(20_001, "l2Book:BTC")).toEqual([{ kind: "resynced" }]);
    expect(l.status.attempt).toBe(0);
  });

  it("asks for its alarm at the earliest pending deadline", () => {
    const l = upAndSynced(0);
    l.received(3_000, "l2Book:BTC");
    expect(l.nextDeadlineMs()).toBe(8_000); // stale check before the 20 s ping
  });
});
