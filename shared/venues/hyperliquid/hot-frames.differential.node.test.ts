/**
 * The single-pass decoder against the validator of record (JSON.parse + zod): on every recorded
 * server frame in the repo and on generated valid frames, it returns a value deep-equal to the
 * schema's (strictly: same keys, no extra undefined ones) and never defers on a hot channel the
 * venue could send.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeHotFrame } from "./hot-frames";
import { hotFrameArb } from "./ws-frame-arbitraries";
import { parseWsFrame, parseWsFrameWithSchema } from "./ws-frames";

const DATA = resolve(import.meta.dirname, "..", "..", "..", "data", "hyperliquid");
const VECTORS = resolve(import.meta.dirname, "..", "..", "..", "test", "fixtures", "vectors", "hyperliquid");
const HOT = new Set(["l2Book", "bbo", "trades", "pong"]);

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

/** Archive lines hold the verbatim frame as an object; its compact print is the socket's text. */
const archive = readFileSync(join(DATA, "archive-2024-01-01-h12", "BTC.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.length > 0)
  .map((l) => (JSON.parse(l) as { raw: { channel: string; data: { levels: unknown[][] } } }).raw);

/** Same decision as the decoder's caller: the hot value must equal the schema path's value. */
function expectSameAsSchema(text: string, hotChannel: boolean): void {
  const schema = parseWsFrameWithSchema(text);
  const hot = decodeHotFrame(text);
  if (hotChannel) {
    expect(hot, text.slice(0, 200)).toBeDefined();
    expect(schema.ok).toBe(true);
    if (schema.ok) expect(hot).toStrictEqual(schema.value);
  } else {
    expect(hot).toBeUndefined();
  }
  expect(parseWsFrame(text)).toStrictEqual(schema);
}

describe("hot decoder = JSON.parse + zod on recorded frames", () => {
  it("all 5,587 archive l2Book frames (20x20), decoded without deferring", () => {
    expect(archive.length).toBe(5587);
    for (const raw of archive) expectSameAsSchema(JSON.stringify(raw), true);
  });

  it("the archive frames cut to a `fast` 5-level subscription's shape", () => {
    for (const raw of archive.slice(0, 500)) {
      const fast = { ...raw, data: { ...raw.data, levels: raw.data.levels.map((s) => s.slice(0, 5)), fast: true } };
      expectSameAsSchema(JSON.stringify(fast), true);
    }
  });

  it("tardis-node samples (trades, l2Book incl. empty sides, bbo incl. a null side, asset contexts), compact and pretty-printed", () => {
    const frames = readJson(join(DATA, "api-samples", "tardis_node_test_samples", "map_hyperliquid_messages.json")) as { channel: string }[];
    expect(frames.filter((f) => HOT.has(f.channel)).length).toBeGreaterThanOrEqual(8);
    for (const f of frames) {
      expectSameAsSchema(JSON.stringify(f), HOT.has(f.channel));
      expectSameAsSchema(JSON.stringify(f, null, 1), HOT.has(f.channel));
    }
  });

  it("nautilus WebSocket samples (allMids, allDexsAssetCtxs) defer to the schemas", () => {
    for (const file of ["ws_allmids.json", "ws_all_dexs_asset_ctxs.json"]) {
      expectSameAsSchema(JSON.stringify(readJson(join(DATA, "api-samples", "nautilus_test_data", file))), false);
    }
  });

  it("the server frames of the official WebSocket vectors (pong decoded; acks and post replies deferred)", () => {
    const { frames } = readJson(join(VECTORS, "ws_messages.json")) as { frames: { dir: string; frame?: { channel: string } }[] };
    const server = frames.filter((f) => f.dir === "server->client" && f.frame !== undefined);
    expect(server.map((f) => f.frame?.channel)).toContain("pong");
    for (const f of server) expectSameAsSchema(JSON.stringify(f.frame), HOT.has(f.frame?.channel ?? ""));
  });
});

describe("hot decoder = JSON.parse + zod on generated valid frames", () => {
  it("random coins, 0-20 levels (5 with fast), decimals, bbo null sides, trades (empty too), key orders and spacing", () => {
    const seen = { l2Book: 0, bbo: 0, trades: 0, pong: 0 };
    fc.assert(
      fc.property(hotFrameArb, (text) => {
        expectSameAsSchema(text, true);
        const r = parseWsFrameWithSchema(text);
        if (r.ok && r.value.channel in seen) seen[r.value.channel as keyof typeof seen]++;
      }),
      { numRuns: 4000 },
    );
    expect(Math.min(seen.l2Book, seen.bbo, seen.trades, seen.pong)).toBeGreaterThan(100);
  });
});
