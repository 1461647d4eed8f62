/**
 * Every raw-format recorded Hyperliquid message in the repo goes through the parsers: the
 * archive hour's verbatim l2Book frames, the tardis and nautilus WebSocket samples, and the
 * REST bodies of the Python SDK cassettes and nautilus samples (see the READMEs under data/hyperliquid).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { BookEvent } from "../../events";
import { parseInfoResponse, type InfoType } from "./info";
import { countFrame, frameToEvents, newFrameCounters, parseWsFrame } from "./ws-frames";

const DATA = resolve(import.meta.dirname, "..", "..", "..", "data", "hyperliquid");
const ARCHIVE = join(DATA, "archive-2024-01-01-h12", "BTC.jsonl");
const SAMPLES = join(DATA, "api-samples");

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

describe("archive hour 2024-01-01 12:00 UTC: every raw l2Book frame", () => {
  const lines = readFileSync(ARCHIVE, "utf8").split("\n").filter((l) => l.length > 0);

  it("parses all 5,587 frames into 20x20 book events in time order", () => {
    expect(lines.length).toBe(5587);
    const counters = newFrameCounters();
    let last = 0;
    let crossed = 0;
    for (const line of lines) {
      const { raw } = JSON.parse(line) as { raw: unknown };
      const r = countFrame(counters, parseWsFrame(JSON.stringify(raw)));
      if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.detail}`);
      const [e] = frameToEvents(r.value) as BookEvent[];
      expect(e?.kind).toBe("book");
      if (e === undefined) continue;
      expect(e.coin).toBe("BTC");
      expect(e.ts).toBeGreaterThanOrEqual(last);
      last = e.ts;
      if (Number(e.bids[0]?.px) >= Number(e.asks[0]?.px)) crossed++;
    }
    expect(counters).toEqual({ ok: 5587, errors: { notJson: 0, notFrame: 0, unknownChannel: 0, badData: 0 } });
    expect(crossed).toBe(0);
  });
});

describe("tardis-node WebSocket samples", () => {
  const frames = readJson(join(SAMPLES, "tardis_node_test_samples", "map_hyperliquid_messages.json")) as { channel: string }[];

  for (const [i, frame] of frames.entries()) {
    it(`#${i} ${frame.channel} parses`, () => {
      expect(parseWsFrame(JSON.stringify(frame))).toMatchObject({ ok: true, value: { channel: frame.channel } });
    });
  }

  it("normalises trades (aggressor side), an empty book and a one-sided bbo", () => {
    const events = frames.flatMap((f) => {
      const r = parseWsFrame(JSON.stringify(f));
      return r.ok ? frameToEvents(r.value) : [];
    });
    const btc = events.filter((e) => e.kind === "trade" && e.coin === "BTC");
    expect(btc.map((e) => e.kind === "trade" && [e.side, e.px, e.sz])).toEqual([
      ["buy", "69997.0", "0.38111"],
      ["buy", "69997.0", "0.33458"],
      ["buy", "69997.0", "0.83613"],
      ["buy", "69998.0", "0.00714"],
    ]);
    expect(events.find((e) => e.kind === "book" && e.coin === "SHIA")).toMatchObject({ bids: [], asks: [] });
    expect(events.find((e) => e.kind === "bbo" && e.coin === "BTC")).toMatchObject({ bid: { px: "107575.0", n: 17 }, ask: null });
  });
});

describe("nautilus_trader samples", () => {
  const dir = join(SAMPLES, "nautilus_test_data");
  it("WebSocket allMids and allDexsAssetCtxs frames parse", () => {
    for (const f of ["ws_allmids.json", "ws_all_dexs_asset_ctxs.json"]) {
      const frame = readJson(join(dir, f)) as { channel: string };
      expect(parseWsFrame(JSON.stringify(frame)), f).toMatchObject({ ok: true, value: { channel: frame.channel } });
    }
  });
  it("REST l2Book (levels without n) and meta (null flags) parse", () => {
    expect(parseInfoResponse("l2Book", readFileSync(join(dir, "http_l2_book_btc.json"), "utf8"))).toMatchObject({ ok: true, value: { coin: "BTC" } });
    const meta = parseInfoResponse("meta", readJson(join(dir, "http_meta_perp_sample.json")));
    expect(meta.ok && meta.value.universe.map((u) => [u.name, u.szDecimals])).toEqual([["BTC", 5], ["ETH", 4], ["ATOM", 2]]);
  });
});

describe("Python SDK cassettes (mainnet /info bodies, 2023-07-17)", () => {
  const dir = join(SAMPLES, "hl_python_sdk_cassettes");
  const files = readdirSync(dir).filter((f) => f.startsWith("response_") && f.endsWith(".json"));

  it("covers the five recorded request types", () => expect(files.length).toBe(5));
  for (const f of files) {
    it(`${f} parses with the parser of its request type`, () => {
      const { request, response } = readJson(join(dir, f)) as { request: { type: InfoType }; response: unknown };
      const r = parseInfoResponse(request.type, response);
      if (!r.ok) throw new Error(r.error.detail);
      expect(r.ok).toBe(true);
    });
  }
});
