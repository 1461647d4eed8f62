import { describe, expect, it } from "vitest";
import { casesWith, filesWith } from "../../../../test/node/hl-fixtures";
import { cloidFromInt, parseCloid } from "../cloid";

describe("cloid vectors", () => {
  const cases = casesWith("wire").filter((t) => "invalid" in t.fileLevel);
  it("finds the vectors", () => expect(cases.length).toBeGreaterThanOrEqual(4));

  for (const { name, v } of cases) {
    it(`${name}: ${v.wire} is a valid cloid`, () => {
      expect(parseCloid(v.wire)).toEqual({ ok: true, value: v.wire });
    });
    const fromInt = /from_int\((\d+)\)/.exec(v.input);
    if (fromInt !== null) {
      it(`${name}: Cloid.from_int`, () => expect(cloidFromInt(BigInt(fromInt[1] ?? ""))).toEqual({ ok: true, value: v.wire }));
    }
    const uuid = /UUID ([0-9a-f-]{36})/.exec(v.input);
    if (uuid !== null) {
      it(`${name}: UUID bytes as lowercase hex`, () => expect(parseCloid(`0x${(uuid[1] ?? "").replaceAll("-", "")}`)).toEqual({ ok: true, value: v.wire }));
    }
  }

  for (const { file, json } of filesWith("invalid")) {
    it(`${file}: the listed invalid forms are refused`, () => {
      expect(json.invalid.length).toBeGreaterThanOrEqual(2);
      expect(parseCloid("00000000000000000000000000000001").ok).toBe(false); // missing 0x
      expect(parseCloid("0x0000000000000000000000000000001").ok).toBe(false); // 31 digits
      expect(parseCloid("0x000000000000000000000000000000001").ok).toBe(false); // 33 digits
    });
  }
});
