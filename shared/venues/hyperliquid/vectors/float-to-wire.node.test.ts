import { describe, expect, it } from "vitest";
import { filesWith, type Json } from "../../../../test/node/hl-fixtures";
import { canonicalDecimal, floatToIntForHashing, floatToWire } from "../wire-decimal";

describe("float_to_wire vectors", () => {
  const files = filesWith("rust_test_cases");
  it("finds the vector files", () => expect(files.length).toBeGreaterThanOrEqual(1));

  for (const { file, json } of files) {
    describe(file, () => {
      for (const c of json.rust_test_cases as Json[]) {
        it(`Rust ${c.input_literal} -> ${c.rust_expected_published} (as a float and as an exact decimal)`, () => {
          expect(floatToWire(Number(c.input_literal))).toEqual({ ok: true, value: c.rust_expected_published });
          expect(canonicalDecimal(c.input_literal)).toEqual({ ok: true, value: c.rust_expected_published });
        });
      }
      for (const c of (json.implied_by_signed_vectors ?? []) as Json[]) {
        it(`implied by published signatures: ${c.input_literal} -> ${c.expected}`, () => {
          expect(floatToWire(Number(c.input_literal))).toEqual({ ok: true, value: c.expected });
        });
      }
      for (const c of (json.edge_cases_observed_locally ?? []) as Json[]) {
        const x = Number(c.input);
        if (c.python_sdk_output === "ValueError") {
          it(`${c.input}: more than 8 decimals is refused, not rounded`, () => {
            expect(floatToWire(x)).toMatchObject({ ok: false, error: { kind: "tooPrecise" } });
          });
        } else if (c.rust_output !== undefined) {
          it(`${c.input}: emits the Rust SDK's ${c.rust_output} (never "-0")`, () => {
            expect(floatToWire(x)).toEqual({ ok: true, value: c.rust_output });
          });
        } else if (c.correct !== undefined) {
          it(`${c.input}: no exponent notation (${c.correct})`, () => {
            expect(floatToWire(x)).toEqual({ ok: true, value: c.correct });
          });
        } else {
          it(`${c.input}: a value 8 decimals cannot hold exactly is refused`, () => {
            expect(floatToWire(x).ok).toBe(false);
          });
        }
      }
    });
  }
});

describe("float_to_int_for_hashing vectors", () => {
  for (const { file, json } of filesWith("float_to_int_for_hashing")) {
    for (const c of json.float_to_int_for_hashing.cases as Json[]) {
      it(`${file}: ${c.input} -> ${c.output}`, () => {
        const r = floatToIntForHashing(Number(c.input));
        if (c.output === "ValueError") expect(r.ok).toBe(false);
        else expect(r).toEqual({ ok: true, value: BigInt(c.output) });
      });
    }
  }
});
