import { keccak256, toBytes } from "viem";
import { describe, expect, it } from "vitest";
import { filesWith } from "../../../../test/node/hl-fixtures";
import { AGENT_TYPEHASH, L1_DOMAIN, L1_DOMAIN_SEPARATOR, USER_SIGNED_TYPES, userSignedDomain } from "../eip712";
import { domainSeparator } from "viem";

describe("EIP-712 constant vectors", () => {
  const files = filesWith("user_signed").filter((f) => f.json.l1?.typehash !== undefined);
  it("finds the vector files", () => expect(files.length).toBeGreaterThanOrEqual(1));

  for (const { file, json } of files) {
    it(`${file}: L1 domain, Agent type hash and domain separator`, () => {
      expect(L1_DOMAIN).toEqual(json.l1.domain);
      expect(keccak256(toBytes(json.l1.type_string))).toBe(json.l1.typehash);
      expect(AGENT_TYPEHASH).toBe(json.l1.typehash);
      expect(L1_DOMAIN_SEPARATOR).toBe(json.l1.domain_separator);
    });
    it(`${file}: user-signed domain separator for chain 0x66eee`, () => {
      expect(domainSeparator({ domain: userSignedDomain("0x66eee") })).toBe(json.user_signed.domain_separator_chainId_421614);
    });
    it(`${file}: the project's user-signed field lists match the published ones`, () => {
      const published = json.user_signed.primary_types as Record<string, string>;
      for (const t of Object.values(USER_SIGNED_TYPES)) {
        expect(t.fields.map((f) => `${f.name} ${f.type}`).join(", ")).toBe(published[t.primaryType]);
      }
    });
  }
});
