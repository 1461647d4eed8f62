/**
 * Capture replay on the dashboard (issue item 3): a capture in the capture job's format, taken
 * from the simulator's /info while it replays the real HIP-4 and BTC+ETH recordings, read by the
 * page's parser and played by its player. Books, mids, OFI and the digital pseudo-venue are
 * checked against the raw venue answers and the engine's own OFI and digital formulas.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfiTracker } from "../../shared/signals/ofi";
import { cashOrNothing } from "../../shared/strategies/digital";
import { type Simulator, startSimulator } from "../../scripts/sim/simulator";
import { recordCapture } from "./dashboard-capture";
import { type CaptureModule, type CaptureOk, dashboard, type PlayerModule } from "./dashboard-modules";

interface Level {
  px: string;
  sz: string;
}
interface BookRecord {
  t: number;
  type: "l2Book";
  coin: string;
  data: { coin: string; time: number; levels: [Level[], Level[]] };
}

let sim: Simulator;
let cap: { jsonl: string; manifest: Record<string, unknown>; records: Record<string, unknown>[] };
let parse: CaptureModule["parseCapture"];
let Player: PlayerModule["ReplayPlayer"];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, recordings: ["hip4-2026-05-10", "btc-eth-2025-09-04@rpl"], speed: 10 });
  cap = await recordCapture({ url: sim.url, books: ["#150", "#151", "BTC"], candles: "rpl:BTC", durationMs: 4_000, everyMs: 100, note: "test: the simulator replaying hip4-2026-05-10 at 10x" });
  parse = (await dashboard.capture()).parseCapture;
  Player = (await dashboard.player()).ReplayPlayer;
});
afterAll(async () => {
  await sim?.close();
});

const books = (coin: string): BookRecord[] => cap.records.filter((r) => r.type === "l2Book" && r.coin === coin) as unknown as BookRecord[];

describe("capture file", () => {
  it("reads every record: allMids as mids, l2Book best levels as sent, candles at their close", () => {
    const r = parse(cap.jsonl);
    expect(r.ok).toBe(true);
    const c = r as CaptureOk;
    expect(c.records).toBe(cap.records.length);
    expect(c.bad).toBe(0);
    expect(c.manifest.source).toBe("live");
    const bookEvents = c.events.filter((e) => e.kind === "book" && e.coin === "#150");
    const raw = books("#150");
    expect(bookEvents.length).toBe(raw.length);
    raw.forEach((b, i) => {
      expect(bookEvents[i]?.bid?.px).toBe(Number(b.data.levels[0][0]?.px));
      expect(bookEvents[i]?.ask?.sz).toBe(Number(b.data.levels[1][0]?.sz));
    });
    const candles = cap.records.find((x) => x.type === "candleSnapshot")?.data as { T: number; c: string }[];
    expect(candles.length).toBeGreaterThan(0);
    const candleEvents = c.events.filter((e) => e.coin === "rpl:BTC" && e.kind === "mid");
    for (const k of candles) expect(candleEvents.some((e) => e.t === k.T && e.px === Number(k.c))).toBe(true);
    expect(c.events.every((e, i) => i === 0 || (c.events[i - 1]?.t ?? 0) <= e.t)).toBe(true);
  });

  it("refuses a capture whose source is not live or historical, or that has no manifest (SPEC §15)", () => {
    const body = cap.jsonl.split("\n").slice(1).join("\n");
    const synthetic = parse(`${JSON.stringify({ manifest: { source: "synthetic" } })}\n${body}`);
    expect(synthetic.ok).toBe(false);
    expect(!synthetic.ok && synthetic.error).toMatch(/synthetic.*refused/);
    const none = parse(body);
    expect(none.ok).toBe(false);
    expect(parse(body, { source: "historical" }).ok).toBe(true);
  });

  it("counts unreadable lines as bad and records it does not replay as skipped, instead of throwing", () => {
    const r = parse(`${cap.jsonl}not json\n{"t": 1, "type": "trades", "data": []}\n{"t": "x", "type": "allMids", "data": {}}\n{"t": 2}\n`);
    expect(r.ok).toBe(true);
    expect((r as CaptureOk).bad).toBe(3);
    expect((r as CaptureOk).skipped).toBe(1);
  });

  it("skips outcomeMeta and other venues' records (Polymarket, Kalshi) as not replayed, not as bad", () => {
    const extra = [
      { t: 1, venue: "hl", type: "outcomeMeta", req: { type: "outcomeMeta" }, data: { outcomes: [] } },
      { t: 2, venue: "pm", type: "book", req: "/book?token_id=1", data: { bids: [], asks: [] } },
      { t: 3, venue: "ks", type: "orderbook", req: "/markets/X/orderbook", data: { orderbook: {} } },
      // A Polymarket record whose type a Hyperliquid record also has: judged by its venue.
      { t: 4, venue: "pm", type: "l2Book", coin: "X", data: { coin: "X", time: 4, levels: [[{ px: "0.5", sz: "1" }], [{ px: "0.6", sz: "1" }]] } },
    ];
    const r = parse(`${cap.jsonl}${extra.map((x) => JSON.stringify(x)).join("\n")}\n`) as CaptureOk;
    expect(r.ok).toBe(true);
    expect(r.bad).toBe(0);
    expect(r.skipped).toBe(4);
    expect(r.records).toBe(cap.records.length);
    expect(r.coins).not.toContain("X");
  });
});

describe("replay player", () => {
  it("ends on the capture's last books, with the engine's OFI over 10 s and the outcome's legs per venue", () => {
    const c = parse(cap.jsonl) as CaptureOk;
    const strike = 80_354;
    const expiryMs = c.to + 3_600_000;
    const p = new Player("test", c, { yesCoin: "#150", noCoin: "#151", perpCoin: "BTC", strike, expiryMs }, 1, () => undefined);
    p.advance(c.to);
    expect(p.done).toBe(true);
    expect(p.progress).toBe(1);

    const last150 = books("#150").at(-1) as BookRecord;
    const row = p.bookRows().find((b) => b.coin === "#150");
    expect(row?.bid).toBe(Number(last150.data.levels[0][0]?.px));
    expect(row?.ask).toBe(Number(last150.data.levels[1][0]?.px));

    // OFI of the YES book over 10 s, by the engine's tracker on the same best levels.
    const tracker = new OfiTracker([10_000]);
    for (const b of books("#150")) {
      const [bid, ask] = [b.data.levels[0][0] as Level, b.data.levels[1][0] as Level];
      tracker.onTop(b.t, Number(bid.px), Number(bid.sz), Number(ask.px), Number(ask.sz));
    }
    const sig = p.signalRows().find((s) => s.coin === "#150");
    expect(sig?.ofi).toBeCloseTo(tracker.sum(0, last150.t), 9);
    expect(tracker.events).toBeGreaterThan(0);

    // The venues of the inefficiency view: YES mid, 1 − NO mid, the BTC digital.
    const yes = p.venues["hl-yes"]?.last();
    const no = p.venues["hl-no"]?.last();
    const midOf = (coin: string): number => {
      const e = c.events.filter((x) => x.coin === coin).at(-1);
      return e?.kind === "book" ? ((e.bid?.px as number) + (e.ask?.px as number)) / 2 : (e?.px as number);
    };
    expect(yes?.v).toBe(midOf("#150"));
    expect(no?.v).toBe(1 - midOf("#151"));
    const d = p.digitalPoint();
    expect(d.S).not.toBeNull();
    expect(d.sigma).not.toBeNull();
    const model = p.venues.model?.last();
    const lastBtc = c.events.filter((e) => e.coin === "BTC").at(-1) as { t: number };
    expect(model?.t).toBe(lastBtc.t);
    expect(model?.v).toBeCloseTo(cashOrNothing({ S: d.S as number, K: strike, sigma: d.sigma as number, T: (expiryMs - lastBtc.t) / 1000 / (365 * 24 * 3600) }).call, 12);
    expect(row?.mid).toBe((Number(last150.data.levels[0][0]?.px) + Number(last150.data.levels[1][0]?.px)) / 2);
  });
});
