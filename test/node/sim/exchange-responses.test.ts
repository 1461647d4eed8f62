import { readFileSync } from "node:fs";
import { generatePrivateKey } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelAction, noopAction, scheduleCancelAction, updateLeverageAction } from "../../../shared/venues/hyperliquid/actions";
import { parseExchangeResponse } from "../../../shared/venues/hyperliquid/exchange-responses";
import { PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, hip4Slice, must, order } from "./helpers";

/** The venue's documented response bodies (official docs / nktkas types), copied into the repo. */
const VECTORS = JSON.parse(readFileSync(new URL("../../fixtures/vectors/hyperliquid/exchange_responses.json", import.meta.url), "utf8")) as {
  examples: { what: string; body?: unknown; body_shape?: unknown }[];
};
const example = (what: string): unknown => {
  const e = VECTORS.examples.find((x) => x.what.startsWith(what));
  if (e === undefined) throw new Error(`no vector "${what}"`);
  return e.body ?? e.body_shape;
};

/** Keys and value types, recursively; arrays by their first element. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? [] : [shape(v[0])];
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, shape(x)]));
  }
  return typeof v;
}

const YES = 100_000_150;
let sim: Simulator;
let resting = 0;

beforeAll(async () => {
  sim = await startSimulator({ recordings: [hip4Slice()], speed: 0.001, loop: false, alignExpiry: false });
});
afterAll(() => sim.close());

async function send(action: unknown, key: `0x${string}` = PAPER_AGENT_KEY): Promise<unknown> {
  const r = await exchange(sim, key, action);
  expect(r.http).toBe(200);
  expect(parseExchangeResponse(r.body).ok).toBe(true);
  return r.body;
}

describe("exchange response bodies have the venue's shapes", () => {
  it("order resting", async () => {
    const body = await send(order({ asset: YES, isBuy: true, price: "0.9", size: "20", type: { limit: { tif: "Gtc" } } }));
    expect(shape(body)).toEqual(shape(example("order resting")));
    resting = (body as { response: { data: { statuses: { resting: { oid: number } }[] } } }).response.data.statuses[0]!.resting.oid;
  });

  it("order filled", async () => {
    const body = await send(order({ asset: YES, isBuy: true, price: "0.956", size: "20", type: { limit: { tif: "Ioc" } } }));
    expect(shape(body)).toEqual(shape(example("order filled")));
    expect(body).toMatchObject({ response: { data: { statuses: [{ filled: { totalSz: "13.0", avgPx: "0.9555" } }] } } });
  });

  it("order error (per order), with the venue's text and the live asset suffix", async () => {
    const body = await send(order({ asset: 0, isBuy: true, price: "80000", size: "0.0001", type: { limit: { tif: "Gtc" } } }));
    expect(shape(body)).toEqual(shape(example("order error")));
    const text = (example("order error") as { response: { data: { statuses: { error: string }[] } } }).response.data.statuses[0]!.error;
    expect(body).toMatchObject({ response: { data: { statuses: [{ error: `${text} asset=0` }] } } });
  });

  it("cancel ok, then cancel error for the same order", async () => {
    const ok = await send(must(cancelAction([{ asset: YES, oid: resting }])));
    expect(ok).toEqual(example("cancel ok"));
    const again = await send(must(cancelAction([{ asset: YES, oid: resting }])));
    expect(shape(again)).toEqual(shape(example("cancel error")));
    const text = (example("cancel error") as { response: { data: { statuses: { error: string }[] } } }).response.data.statuses[0]!.error;
    expect(again).toEqual({ status: "ok", response: { type: "cancel", data: { statuses: [{ error: `${text} asset=${YES}` }] } } });
  });

  it("default for noop, updateLeverage and scheduleCancel", async () => {
    const actions = [noopAction(), must(updateLeverageAction({ asset: 0, isCross: true, leverage: 10 })), must(scheduleCancelAction())];
    for (const a of actions) expect(await send(a)).toEqual(example("default ok"));
  });

  it("err for a request refused as a whole", async () => {
    const body = await send(noopAction(), generatePrivateKey());
    expect(shape(body)).toEqual({ response: "string", status: "string" });
    expect(example("top-level error")).toEqual({ status: "err", response: "<string>" });
  });
});
