/**
 * Fuzz: malformed input never makes a parser throw. Inputs are random text, random JSON, random
 * values under real channel names, and mutations (truncation, byte edits, leaf type swaps, key
 * deletions) of real recorded frames. Every parser is fed every input; at least 10,000 must be
 * rejected (as error values) for the test to count.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseExchangeRequest, parseL1Action } from "./action-schemas";
import { parseExchangeResponse } from "./exchange-responses";
import { INFO_RESPONSES, parseInfoResponse, type InfoType } from "./info";
import { parseClientFrame } from "./ws-client";
import { frameToEvents, parseWsFrame } from "./ws-frames";

const DATA = resolve(import.meta.dirname, "..", "..", "..", "data", "hyperliquid");
const archive = readFileSync(resolve(DATA, "archive-2024-01-01-h12", "BTC.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .slice(0, 50)
  .map((l) => JSON.stringify((JSON.parse(l) as { raw: unknown }).raw));
const samples = (JSON.parse(readFileSync(resolve(DATA, "api-samples", "tardis_node_test_samples", "map_hyperliquid_messages.json"), "utf8")) as unknown[]).map((f) =>
  JSON.stringify(f),
);
const SEEDS = [...archive, ...samples];
const CHANNELS = ["l2Book", "bbo", "trades", "orderUpdates", "userFills", "user", "post", "subscriptionResponse", "error", "allMids", "activeAssetCtx", "pong"];
const INFO_TYPES = Object.keys(INFO_RESPONSES) as InfoType[];

/** Replaces, at a random path, a leaf or subtree by a value of another type, or deletes a key. */
function mutateValue(v: unknown, rnd: () => number, replacement: unknown): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0 || rnd() < 0.15) return replacement;
    const i = Math.floor(rnd() * v.length);
    return v.map((x, j) => (j === i ? mutateValue(x, rnd, replacement) : x));
  }
  if (typeof v === "object" && v !== null) {
    const keys = Object.keys(v);
    if (keys.length === 0 || rnd() < 0.15) return replacement;
    const k = keys[Math.floor(rnd() * keys.length)] ?? "";
    if (rnd() < 0.2) return Object.fromEntries(Object.entries(v).filter(([key]) => key !== k));
    return { ...v, [k]: mutateValue((v as Record<string, unknown>)[k], rnd, replacement) };
  }
  return replacement;
}

const seedArb = fc.constantFrom(...SEEDS);
const inputs: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.tuple(fc.constantFrom(...CHANNELS), fc.jsonValue({ maxDepth: 4 })).map(([channel, data]) => JSON.stringify({ channel, data })),
  fc.tuple(seedArb, fc.nat()).map(([s, cut]) => s.slice(0, cut % s.length)),
  fc.tuple(seedArb, fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([s, at, junk]) => {
    const i = at % s.length;
    return s.slice(0, i) + junk + s.slice(i + 1);
  }),
  fc.tuple(seedArb, fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true })), fc.jsonValue({ maxDepth: 2 })).map(([s, stream, replacement]) => {
    const it = stream[Symbol.iterator]();
    return JSON.stringify(mutateValue(JSON.parse(s), () => it.next().value ?? 0, replacement));
  }),
);

describe("parsers never throw on malformed input", () => {
  it("12,000 inputs through every parser; at least 10,000 rejected as error values", () => {
    let rejected = 0;
    fc.assert(
      fc.property(inputs, fc.constantFrom(...INFO_TYPES), (text, infoType) => {
        const frame = parseWsFrame(text);
        if (frame.ok) frameToEvents(frame.value);
        else rejected++;
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {
          // Not JSON: the parsers below get the raw text.
        }
        for (const r of [
          parseClientFrame(text),
          parseExchangeResponse(text),
          parseExchangeRequest(text),
          parseL1Action(json),
          parseInfoResponse(infoType, text),
          parseInfoResponse(infoType, json),
        ]) {
          expect(typeof r.ok).toBe("boolean");
        }
      }),
      { numRuns: 12_000 },
    );
    expect(rejected).toBeGreaterThanOrEqual(10_000);
  });
});
