import { describe, expect, it } from "vitest";
import { filesWith, type Json } from "../../../../test/node/hl-fixtures";
import { orderOutcomes, parseExchangeResponse } from "../exchange-responses";

const files = filesWith("error_strings");

describe("exchange response vectors", () => {
  it("finds the vector files", () => expect(files.length).toBeGreaterThanOrEqual(1));

  for (const { file, json } of files) {
    describe(file, () => {
      for (const ex of json.examples as Json[]) {
        it(`${ex.what} parses`, () => {
          const body = ex.body ?? { ...ex.body_shape, response: "L1 error: User or API Wallet 0x0123 does not exist." };
          const r = parseExchangeResponse(JSON.stringify(body));
          expect(r).toMatchObject({ ok: true, value: { status: body.status } });
          if (r.ok && r.value.status === "ok") expect(r.value.response.type).toBe(body.response.type);
        });
      }
      it("each documented per-order error string becomes an error outcome of that order only", () => {
        for (const message of json.error_strings as string[]) {
          const body = { status: "ok", response: { type: "order", data: { statuses: [{ resting: { oid: 1 } }, { error: message }] } } };
          const r = parseExchangeResponse(body);
          expect(r.ok && orderOutcomes(r.value, 2)).toEqual([
            { kind: "resting", oid: 1 },
            { kind: "error", message, batchWide: false },
          ]);
        }
      });
    });
  }
});
