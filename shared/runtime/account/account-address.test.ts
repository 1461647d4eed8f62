import { describe, expect, it } from "vitest";
import { checkAccountAddress } from "./account-address";

describe("checkAccountAddress", () => {
  it("accepts an address in any case and gives it in lower case", () => {
    expect(checkAccountAddress("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toEqual({ ok: true, value: "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266" });
  });

  it("refuses a missing, malformed or zero address, naming HL_ACCOUNT", () => {
    for (const bad of [undefined, "", "0x1234", "f39fd6e51aad88f6f4ce6ab8827279cfffb92266", "0xg39fd6e51aad88f6f4ce6ab8827279cfffb92266", "0x0000000000000000000000000000000000000000"]) {
      const r = checkAccountAddress(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^HL_ACCOUNT /);
    }
  });
});
