import { describe, expect, it } from "vitest";
import { filesWith, type Json } from "../../../../test/node/hl-fixtures";
import { isValidPrice, isValidSize, roundPrice, roundSize, type MarketKind } from "../price-rules";

const files = filesWith("nktkas_test_cases");

/** The docs' szDecimals column: a number, null (rule independent of it), or "0 or 1" / ">2 (docs wording)". */
function szDecimalsOptions(c: Json): number[] {
  if (typeof c.szDecimals === "number") return [c.szDecimals];
  if (c.szDecimals === "0 or 1") return [0, 1];
  // The docs say "greater than 2"; by the formula (8 - szDecimals) 0.0001234 already fails at 2.
  if (typeof c.szDecimals === "string" && c.szDecimals.startsWith(">")) return [2, 3, 4, 5];
  return [0, 1, 2];
}

const kinds = (market: string | undefined): MarketKind[] => (market === "any" ? ["perp", "spot"] : [(market ?? "perp") as MarketKind]);

describe("tick and lot vectors", () => {
  it("finds the vector files", () => expect(files.length).toBeGreaterThanOrEqual(1));

  for (const { file, json } of files) {
    describe(`${file}: docs examples`, () => {
      for (const c of json.docs_examples as Json[]) {
        if (c.price !== undefined) {
          for (const kind of kinds(c.market)) {
            for (const sz of szDecimalsOptions(c)) {
              it(`${kind} price ${c.price} with szDecimals ${sz} is ${c.valid ? "valid" : "invalid"}`, () => {
                expect(isValidPrice(c.price, { kind, szDecimals: sz })).toBe(c.valid);
              });
            }
          }
        } else {
          it(`size ${c.size} with szDecimals ${c.szDecimals} is ${c.valid ? "valid" : "invalid"}`, () => {
            expect(isValidSize(c.size, { kind: "perp", szDecimals: c.szDecimals })).toBe(c.valid);
          });
        }
      }
    });

    describe(`${file}: @nktkas/hyperliquid formatPrice/formatSize (truncation)`, () => {
      for (const c of json.nktkas_test_cases as Json[]) {
        const spec = { kind: (c.market ?? "perp") as MarketKind, szDecimals: c.szDecimals };
        const fn = c.fn === "formatPrice" ? roundPrice : roundSize;
        it(`${c.fn}(${JSON.stringify(c.input)}, ${c.szDecimals}, ${c.market ?? "-"}) -> ${c.expected}`, () => {
          const r = fn(c.input, spec, "trunc");
          if (c.expected === "throws FormatError") expect(r.ok).toBe(false);
          else expect(r).toEqual({ ok: true, value: c.expected });
        });
      }
    });

    describe(`${file}: reference values format to themselves`, () => {
      for (const c of json.nktkas_reference_roundtrip_values?.cases ?? []) {
        const spec = { kind: c.market as MarketKind, szDecimals: c.szDecimals };
        it(`${c.asset}: ${c.minPrice} / ${c.minSize}`, () => {
          expect(roundPrice(c.minPrice, spec)).toEqual({ ok: true, value: c.minPrice });
          expect(roundSize(c.minSize, spec)).toEqual({ ok: true, value: c.minSize });
          expect(isValidPrice(c.minPrice, spec) && isValidSize(c.minSize, spec)).toBe(true);
        });
      }
    });

    const emp = json.outcome_empirical?.observations;
    if (emp !== undefined) {
      describe(`${file}: outcome rule matches the recorded extremes`, () => {
        const outcome = { kind: "outcome" as const, szDecimals: 5 };
        it(`${emp.min_price_seen} and ${emp.max_price_seen} are valid; one more decimal or 1 is not`, () => {
          expect(isValidPrice(emp.min_price_seen, outcome)).toBe(true);
          expect(isValidPrice(emp.max_price_seen, outcome)).toBe(true);
          expect(isValidPrice("0.000001", outcome)).toBe(false);
          expect(isValidPrice("0.012345", outcome)).toBe(false);
          expect(isValidPrice("1", outcome)).toBe(false);
        });
        it("sizes are whole shares whatever szDecimals a meta claims", () => {
          expect(isValidSize("35", outcome)).toBe(true);
          expect(isValidSize("35.5", outcome)).toBe(false);
        });
      });
    }
  }
});
