import { describe, expect, it } from "vitest";
import { parseExchangeRequest } from "./action-schemas";
import { exchangeRequestBody, l1ActionHash, pad32, recoverL1Signer, signL1Action } from "./signing";

const KEY = "0x0123456789012345678901234567890123456789012345678901234567890123";
const SIGNER = "0x14791697260e4c9a71f18484c9f997b308e59325";
const action = { type: "cancel", cancels: [{ a: 1, o: 82382 }], f: true };
const nonce = 1_700_000_000_000;

describe("reference L1 signing and recovery", () => {
  it("recovers the signer only for the exact action, nonce, vault, expiry and network signed", async () => {
    const sig = await signL1Action({ privateKey: KEY, action, nonce, isMainnet: true });
    expect(await recoverL1Signer({ action, nonce, isMainnet: true, signature: sig })).toBe(SIGNER);
    const others = await Promise.all([
      recoverL1Signer({ action, nonce, isMainnet: false, signature: sig }),
      recoverL1Signer({ action, nonce: nonce + 1, isMainnet: true, signature: sig }),
      recoverL1Signer({ action: { type: "cancel", f: true, cancels: [{ a: 1, o: 82382 }] }, nonce, isMainnet: true, signature: sig }),
      recoverL1Signer({ action, nonce, vaultAddress: SIGNER, isMainnet: true, signature: sig }),
      recoverL1Signer({ action, nonce, expiresAfter: nonce, isMainnet: true, signature: sig }),
    ]);
    for (const addr of others) expect(addr).not.toBe(SIGNER);
  });

  it("accepts unpadded r/s (Python SDK) when recovering", async () => {
    const sig = await signL1Action({ privateKey: KEY, action, nonce, isMainnet: true });
    const unpadded = { ...sig, r: `0x${sig.r.slice(2).replace(/^0+/, "")}`, s: `0x${sig.s.slice(2).replace(/^0+/, "")}` };
    expect(await recoverL1Signer({ action, nonce, isMainnet: true, signature: unpadded })).toBe(SIGNER);
    expect(pad32("0xabc")).toBe(`0x${"0".repeat(61)}abc`);
  });

  it("throws TypeError on malformed nonce or vault (programming errors, not venue input)", () => {
    expect(() => l1ActionHash(action, -1)).toThrow(TypeError);
    expect(() => l1ActionHash(action, 1.5)).toThrow(TypeError);
    expect(() => l1ActionHash(action, nonce, "0x1234")).toThrow(TypeError);
    expect(() => l1ActionHash(action, nonce, null, -5)).toThrow(TypeError);
  });
});

describe("exchange request body", () => {
  it("carries vault and expiresAfter only when signed with them, and parses back to the signer", async () => {
    const vaultAddress = "0x1719884EB866cb12b2287399b15f7db5e7d775ea";
    const expiresAfter = nonce + 10_000;
    const signature = await signL1Action({ privateKey: KEY, action, nonce, vaultAddress, expiresAfter, isMainnet: false });
    const body = exchangeRequestBody({ action, nonce, signature, vaultAddress, expiresAfter });
    expect(Object.keys(exchangeRequestBody({ action, nonce, signature }))).toEqual(["action", "nonce", "signature"]);
    const parsed = parseExchangeRequest(JSON.stringify(body));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const { vaultAddress: v, expiresAfter: e } = parsed.value;
    expect(await recoverL1Signer({ action: parsed.value.action, nonce, vaultAddress: v, expiresAfter: e, isMainnet: false, signature: parsed.value.signature })).toBe(SIGNER);
  });
});
