import { describe, expect, it } from "vitest";
import { filesWith, type Json } from "../../../../test/node/hl-fixtures";
import { parseClientFrame, PING_MESSAGE, subscribeMessage, unsubscribeMessage } from "../ws-client";
import { parseWsFrame } from "../ws-frames";

/** The docs print some shapes with placeholders ("<number>", "<string ...>"); fill them with values of that type. */
function fillPlaceholders(x: Json): Json {
  if (x === "<number>") return 1;
  if (typeof x === "string" && x.startsWith("<string")) return "text";
  if (Array.isArray(x)) return x.map(fillPlaceholders);
  if (typeof x === "object" && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fillPlaceholders(v)]));
  return x;
}

const files = filesWith("frames");

describe("WebSocket frame vectors", () => {
  it("finds the vector files", () => expect(files.length).toBeGreaterThanOrEqual(1));

  for (const { file, json } of files) {
    describe(file, () => {
      (json.frames as Json[]).forEach((f, i) => {
        const name = `#${i} ${f.dir} ${f.what}`;
        if (f.dir === "server->client") {
          it(`${name} parses`, () => {
            const text = f.frame_text ?? JSON.stringify(f.frame ?? fillPlaceholders(f.frame_shape));
            const r = parseWsFrame(text);
            expect(r).toMatchObject({ ok: true, value: { channel: f.frame?.channel ?? f.frame_shape?.channel ?? "welcome" } });
          });
        } else {
          it(`${name} parses as a client frame and the builders print it byte for byte`, () => {
            const text = JSON.stringify(f.frame);
            expect(parseClientFrame(text).ok).toBe(true);
            if (f.frame.method === "subscribe") expect(subscribeMessage(f.frame.subscription)).toBe(text);
            if (f.frame.method === "unsubscribe") expect(unsubscribeMessage(f.frame.subscription)).toBe(text);
            if (f.frame.method === "ping") expect(PING_MESSAGE).toBe(text);
          });
        }
      });
    });
  }
});
