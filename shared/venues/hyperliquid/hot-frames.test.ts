import { describe, expect, it } from "vitest";
import { decodeHotFrame } from "./hot-frames";
import { parseWsFrame, parseWsFrameWithSchema } from "./ws-frames";

const BOOK = '{"channel":"l2Book","data":{"coin":"BTC","time":1704110399915,"levels":[[{"px":"42727.0","sz":"0.02265","n":1},{"px":"42723.0","sz":"0.17828","n":1}],[{"px":"42729.0","sz":"3.83257","n":2}]]}}';
const USER_A = `0x${"a".repeat(40)}`;
const USER_B = `0x${"B".repeat(40)}`;

describe("decodeHotFrame decodes the venue's frames", () => {
  it("l2Book into the schema's value", () => {
    expect(decodeHotFrame(BOOK)).toStrictEqual({
      channel: "l2Book",
      data: {
        coin: "BTC",
        time: 1704110399915,
        levels: [
          [
            { px: "42727.0", sz: "0.02265", n: 1 },
            { px: "42723.0", sz: "0.17828", n: 1 },
          ],
          [{ px: "42729.0", sz: "3.83257", n: 2 }],
        ],
      },
    });
  });

  it("a fast 5-level book keeps fast; spread and empty sides too; keys in the schema's order", () => {
    const text = '{"channel":"l2Book","data":{"spread":"1.0","fast":true,"levels":[[],[]],"time":0,"coin":"#150"}}';
    const r = decodeHotFrame(text);
    expect(r).toStrictEqual({ channel: "l2Book", data: { coin: "#150", time: 0, levels: [[], []], fast: true, spread: "1.0" } });
    expect(Object.keys((r as { data: object }).data)).toEqual(["coin", "time", "levels", "fast", "spread"]);
    expect(decodeHotFrame('{"channel":"l2Book","data":{"coin":"X","time":1,"levels":[[],[]],"fast":false}}')).toMatchObject({ data: { fast: false } });
  });

  it("bbo with levels, null sides and the schema's optional ask", () => {
    const level = '{"px":"107575.0","sz":"1.5","n":17}';
    expect(decodeHotFrame(`{"channel":"bbo","data":{"coin":"BTC","time":5,"bbo":[${level},null]}}`)).toStrictEqual({
      channel: "bbo",
      data: { coin: "BTC", time: 5, bbo: [{ px: "107575.0", sz: "1.5", n: 17 }, null] },
    });
    expect(decodeHotFrame('{"channel":"bbo","data":{"coin":"BTC","time":5,"bbo":[null]}}')).toStrictEqual({ channel: "bbo", data: { coin: "BTC", time: 5, bbo: [null] } });
  });

  it("trades in the venue's key order, with and without users; an empty array", () => {
    const t = `{"coin":"BTC","side":"B","px":"69997.0","sz":"0.38111","time":1730160006192,"hash":"0x40d1","tid":1016375172059570,"users":["${USER_A}","${USER_B}"]}`;
    const r = decodeHotFrame(`{"channel":"trades","data":[${t},${t.replace(/,"users":\[[^\]]*\]/, "")}]}`);
    const trade = { coin: "BTC", side: "B", px: "69997.0", sz: "0.38111", hash: "0x40d1", time: 1730160006192, tid: 1016375172059570 };
    expect(r).toStrictEqual({ channel: "trades", data: [{ ...trade, users: [USER_A, USER_B] }, trade] });
    expect(decodeHotFrame('{"channel":"trades","data":[]}')).toStrictEqual({ channel: "trades", data: [] });
  });

  it("pong, and JSON whitespace between tokens", () => {
    expect(decodeHotFrame('{"channel":"pong"}')).toStrictEqual({ channel: "pong" });
    const pretty = JSON.stringify(JSON.parse(BOOK), null, "\t").replace(/\n/g, "\r\n");
    expect(decodeHotFrame(pretty)).toStrictEqual(decodeHotFrame(BOOK));
  });
});

describe("decodeHotFrame defers everything else to JSON.parse + zod", () => {
  const deferred: [string, string][] = [
    ["an unknown key in data", BOOK.replace('"coin"', '"extra":1,"coin"')],
    ["an unknown key in a level", BOOK.replace('"n":1}', '"n":1,"x":0}')],
    ["a missing key", BOOK.replace('"time":1704110399915,', "")],
    ["a missing n", BOOK.replace(',"n":2', "")],
    ["a repeated key", BOOK.replace('"coin":"BTC"', '"coin":"ETH","coin":"BTC"')],
    ["data before channel", '{"data":{"coin":"BTC","time":1,"levels":[[],[]]},"channel":"l2Book"}'],
    ["an escape in a string", BOOK.replace('"BTC"', '"B\\u0054C"')],
    ["a number where a decimal string belongs", BOOK.replace('"42727.0"', "42727.0")],
    ["a negative size", BOOK.replace('"0.02265"', '"-0.02265"')],
    ["an exponent in a size", BOOK.replace('"0.02265"', '"2.265e-2"')],
    ["a time with a fraction", BOOK.replace("1704110399915", "1704110399915.0")],
    ["a time with an exponent", BOOK.replace("1704110399915", "1.704110399915e12")],
    ["a time beyond 2^53", BOOK.replace("1704110399915", "9007199254740993")],
    ["a boolean given as a string", '{"channel":"l2Book","data":{"coin":"X","time":1,"levels":[[],[]],"fast":"true"}}'],
    ["a third levels array", BOOK.replace("]]}}", "],[]]}}")],
    ["a trade side other than A or B", '{"channel":"trades","data":[{"coin":"X","side":"S","px":"1","sz":"1","time":1,"hash":"0x","tid":1}]}'],
    ["a short user address", `{"channel":"trades","data":[{"coin":"X","side":"A","px":"1","sz":"1","time":1,"hash":"0x","tid":1,"users":["0x1","${USER_B}"]}]}`],
    ["an empty bbo", '{"channel":"bbo","data":{"coin":"X","time":1,"bbo":[]}}'],
    ["pong with data", '{"channel":"pong","data":null}'],
    ["another channel", '{"channel":"allMids","data":{"mids":{}}}'],
    ["a form feed (not JSON whitespace)", BOOK.replace(",", ",\f")],
    ["text after the frame", `${BOOK} x`],
    ["a truncated frame", BOOK.slice(0, -1)],
    ["the greeting", "Websocket connection established."],
  ];

  for (const [what, text] of deferred) {
    it(`${what}: undefined, and parseWsFrame gives the schema path's result`, () => {
      expect(decodeHotFrame(text)).toBeUndefined();
      expect(parseWsFrame(text)).toStrictEqual(parseWsFrameWithSchema(text));
    });
  }

  it("what the schema refuses stays a typed error from parseWsFrame", () => {
    expect(parseWsFrame(BOOK.replace('"0.02265"', '"-0.02265"'))).toMatchObject({ ok: false, error: { kind: "badData", channel: "l2Book" } });
    expect(parseWsFrame(BOOK.slice(0, -1))).toMatchObject({ ok: false, error: { kind: "notJson" } });
  });
});
