/**
 * The archive loader's single-pass path against its JSON.parse + schema path on every line of the
 * real hour: the same events, strictly, and the same counts. A space after the opening brace is
 * valid JSON that the fast path does not take, so it forces the schema path on the same frame.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadArchive } from "./hl-archive";
import { newLoadStats } from "./load-stats";

const FILE = resolve(import.meta.dirname, "..", "..", "data", "hyperliquid", "archive-2024-01-01-h12", "BTC.jsonl");
const lines = readFileSync(FILE, "utf8").split("\n").filter((l) => l.length > 0);

describe("archive loader, fast path vs schema path", () => {
  it("gives strictly equal events for all 5,587 real lines", () => {
    const fastStats = newLoadStats();
    const schemaStats = newLoadStats();
    const parse = vi.spyOn(JSON, "parse");
    const fast = loadArchive(lines, fastStats);
    // Every line of the real hour takes the single-pass decoder.
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    const schema = loadArchive(
      lines.map((l) => `{ ${l.slice(1)}`),
      schemaStats,
    );
    expect(fast.length).toBe(5_587);
    expect(fast).toStrictEqual(schema);
    expect(fastStats).toEqual(schemaStats);
  });

  it("leaves to the schema path what is not the archive's exact layout, with the same outcome", () => {
    const line = lines[0] as string;
    const [original] = loadArchive([line], newLoadStats());
    // A wrapper key after raw: valid JSON, the same frame.
    const stats = newLoadStats();
    expect(loadArchive([`${line.slice(0, -1)},"x":1}`], stats)).toStrictEqual([original]);
    expect(stats.skipped).toEqual({});
    const bad = [line.replace('"ver_num":1', '"ver_num":'), line.slice(0, -1), line.replace(/"sz":"([0-9.]+)"/, '"sz":"-$1"')];
    const badStats = newLoadStats();
    expect(loadArchive(bad, badStats)).toEqual([]);
    expect(badStats.skipped).toEqual({ "not-json": 2, "frame-badData": 1 });
  });
});
