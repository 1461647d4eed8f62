/** The ticker against the real recorded HIP-4 market (outcome 15, data/hyperliquid/hip4-2026-05-10). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { OutcomeMetaResponse } from "./info-schemas";
import { resolveOutcomeTicker, tickerForOutcome } from "./outcome-ticker";

const DIR = resolve(import.meta.dirname, "..", "..", "..", "data", "hyperliquid", "hip4-2026-05-10");

function rows(file: string): { keys: string[]; values: string[]; symbol: string }[] {
  return readFileSync(resolve(DIR, file), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

describe("outcome ticker on the recorded BTC binary of 2026-05-10", () => {
  const q = rows("prediction_binary__question_meta__Q1000015.jsonl")[0]!;
  const field = (r: { keys: string[]; values: string[] }, k: string): string => r.values[r.keys.indexOf(k)] ?? "";
  const sides = [rows("prediction_binary__market_meta__H150.jsonl")[0]!, rows("prediction_binary__market_meta__H151.jsonl")[0]!];
  // outcomeMeta rebuilt from the recorder's copy of it: description, outcome index, side names.
  const meta = OutcomeMetaResponse.parse({
    outcomes: [
      {
        outcome: Number(field(sides[0]!, "outcome_idx")),
        name: field(q, "question_name"),
        description: field(q, "question_description"),
        sideSpecs: sides.map((s) => ({ name: field(s, "side_name") })),
      },
    ],
  });

  it("resolves OUT:BTC-80354-2026-05-10-YES/NO to the recorded coins #150/#151", () => {
    expect(resolveOutcomeTicker("OUT:BTC-80354-2026-05-10-YES", meta)).toMatchObject({ ok: true, value: { coin: sides[0]!.symbol, assetId: 100_000_150 } });
    expect(resolveOutcomeTicker("OUT:BTC-80354-2026-05-10-NO", meta)).toMatchObject({ ok: true, value: { coin: sides[1]!.symbol, assetId: 100_000_151 } });
    expect(tickerForOutcome(meta, 15, 1)).toEqual({ ok: true, value: "OUT:BTC-80354-2026-05-10-NO" });
  });
});
