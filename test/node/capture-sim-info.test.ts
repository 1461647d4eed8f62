/**
 * The two simulator controls the snapshot capture's runtime tests rely on: the log of HTTP /info
 * answers exactly as sent (to compare a capture with what was served), and the /info failure
 * fault (a venue outage as a REST client sees it).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../scripts/sim/simulator";
import { hip4Slice, postJson } from "./sim/helpers";

let sim: Simulator;

beforeEach(async () => {
  sim = await startSimulator({ recordings: [hip4Slice()], speed: 0.001, loop: false, alignExpiry: false });
});
afterEach(async () => {
  await sim.close();
});

async function rawInfo(body: unknown): Promise<{ status: number; text: string }> {
  const r = await fetch(`${sim.url}/info`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, text: await r.text() };
}

const served = async (since = 0) => (await (await fetch(`${sim.url}/control/info-served?since=${since}`)).json()) as { seq: number; request: unknown; http: number; body: string }[];

describe("simulator /info answers log", () => {
  it("keeps each answer as the exact text sent, with its request and status", async () => {
    const asked = [{ type: "allMids" }, { type: "l2Book", coin: "#150" }, { type: "l2Book", coin: "NOPE" }, { type: "candleSnapshot", req: { coin: "#150", interval: "1m", startTime: 0 } }, { type: "l2Book" }];
    const got = [];
    for (const b of asked) got.push(await rawInfo(b));
    const log = await served();
    expect(log.map((e) => e.request)).toEqual(asked);
    expect(log.map((e) => [e.http, e.body])).toEqual(got.map((g) => [g.status, g.text]));
    expect(got.map((g) => g.status)).toEqual([200, 200, 200, 200, 422]);
    const book = JSON.parse(got[1]!.text) as { coin: string; levels: { px: string; sz: string }[][] };
    expect([book.coin, book.levels[0]?.[0]]).toEqual(["#150", { px: "0.95236", sz: "22.0", n: 1 }]);
    const last = log[log.length - 1]!.seq;
    await rawInfo({ type: "allMids" });
    expect((await served(last)).map((e) => e.seq)).toEqual([last + 1]);
  });

  it("is emptied by reset while its sequence keeps counting", async () => {
    await rawInfo({ type: "allMids" });
    const before = await served();
    await postJson(`${sim.url}/control/reset`, {});
    expect(await served()).toEqual([]);
    await rawInfo({ type: "allMids" });
    expect((await served()).map((e) => e.seq)).toEqual([before[0]!.seq + 1]);
  });
});

describe("simulator /info failure fault", () => {
  it("answers the given status to the given request types, `count` times, and logs it", async () => {
    expect((await postJson(`${sim.url}/control/faults/info`, { status: 503, types: ["l2Book"], count: 2 })).body).toEqual({ ok: true, result: null });
    const a = [await rawInfo({ type: "l2Book", coin: "#150" }), await rawInfo({ type: "allMids" }), await rawInfo({ type: "l2Book", coin: "#151" }), await rawInfo({ type: "l2Book", coin: "#150" })];
    expect(a.map((x) => x.status)).toEqual([503, 200, 503, 200]);
    expect(a[0]!.text).toBe("Service Unavailable");
    expect((await served()).map((e) => e.http)).toEqual([503, 200, 503, 200]);
    expect((sim.control.state()["faults"] as { infoFailed: number }).infoFailed).toBe(2);
  });

  it("without count fails every /info request until cleared, and a reset clears it too", async () => {
    await postJson(`${sim.url}/control/faults/info`, {});
    const during = [await rawInfo({ type: "allMids" }), await rawInfo({ type: "outcomeMeta" }), await rawInfo({ type: "candleSnapshot", req: { coin: "#150", interval: "1m", startTime: 0 } })];
    expect(during.map((x) => [x.status, x.text])).toEqual(Array.from({ length: 3 }, () => [500, "Internal Server Error"]));
    await postJson(`${sim.url}/control/faults/clear`, {});
    expect((await rawInfo({ type: "allMids" })).status).toBe(200);
    await postJson(`${sim.url}/control/faults/info`, {});
    await postJson(`${sim.url}/control/reset`, {});
    expect((await rawInfo({ type: "allMids" })).status).toBe(200);
  });

  it("refuses a malformed fault", async () => {
    const r = await postJson(`${sim.url}/control/faults/info`, { status: 200 });
    expect(r.http).toBe(400);
  });
});
