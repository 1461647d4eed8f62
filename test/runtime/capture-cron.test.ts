/**
 * The cron snapshot capture in workerd (SPEC §15) against the local simulator: a cron tick writes
 * to R2 exactly what the venue served (held record by record against the simulator's log of
 * /info answers as sent, since the replay moves on between two requests); when every source
 * fails nothing is written and the admin status names each failure; the admin routes list and
 * serve captures behind the token and refuse a bad id naming the field.
 */
import { createScheduledController } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CAPTURE_PREFIX, decodeCapture, encodeCapture, loadCaptures, type CaptureManifest, type CaptureRecord, type CaptureRunStatus } from "../../shared/capture";
import worker from "../../workers/api/index";
import { sim, simGet, simPost } from "./e2e-helpers";

const TOKEN = "test-admin-token";

interface Served {
  seq: number;
  request: unknown;
  http: number;
  body: string;
}

const get = (path: string, token: string | null = TOKEN) => exports.default.fetch(`http://local${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
const lastSeq = async (): Promise<number> => (await simGet<Served[]>("/control/info-served")).reduce((m, e) => Math.max(m, e.seq), 0);
const captureKeys = async (): Promise<string[]> => (await env.CAPTURES.list({ prefix: CAPTURE_PREFIX })).objects.map((o) => o.key).sort();

/** The api Worker's own scheduled() with the capture vars a deployment would set. */
async function tick(vars: Record<string, string>): Promise<void> {
  const controller = createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" });
  await worker.scheduled(controller, { ...env, HL_API_URL: sim().url, ...vars });
}

beforeAll(async () => {
  await simPost("/control/reset");
});

afterEach(async () => {
  await simPost("/control/faults/clear");
  vi.restoreAllMocks();
});

describe("cron capture", () => {
  it("writes to R2 what the simulator served, record by record", async () => {
    const since = await lastSeq();
    await tick({ CAPTURE_MODE: "live", CAPTURE_COINS: "BTC,rpl:BTC,rpl:ETH,outcomes", CAPTURE_SAMPLES: "3", CAPTURE_SAMPLE_EVERY_MS: "400" });
    const served = await simGet<Served[]>(`/control/info-served?since=${since}`);

    const status = ((await (await get("/admin/captures/status")).json()) as { lastRun: CaptureRunStatus }).lastRun;
    expect(status).toMatchObject({ ok: true, mode: "live", error: null });
    const [id] = status.captures;
    const res = await get(`/admin/captures/${id}`);
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const text = await res.text();
    const cap = decodeCapture(text);
    const manifest = cap.manifest as CaptureManifest;
    expect(cap.stats.skipped).toEqual({});
    // The stored bytes are the shared encoding of the manifest and records (what replay reads).
    expect(text).toBe(encodeCapture(manifest, cap.records));

    // outcomeMeta once (both sides of every listed outcome join the coins), then per round:
    // allMids for the first dex and for rpl, one book per coin.
    const outcomes = (cap.records[0]?.data as { outcomes: { outcome: number }[] }).outcomes.map((o) => o.outcome);
    expect(outcomes.length).toBeGreaterThan(0);
    const coins = ["BTC", "rpl:BTC", "rpl:ETH", ...outcomes.flatMap((o) => [`#${10 * o}`, `#${10 * o + 1}`])];
    expect(cap.records.map((r) => r.type)).toEqual(["outcomeMeta", ...Array.from({ length: 3 }, () => ["allMids", "allMids", ...coins.map(() => "l2Book")]).flat()]);
    expect(cap.records.filter((r) => r.type === "l2Book").map((r) => r.coin)).toEqual(Array.from({ length: 3 }, () => coins).flat());

    // Every record is one answer the simulator logged as sent, each answer used once, in order
    // (another client's requests, if any, are passed over).
    const mine = served.filter((s) => s.http === 200 && cap.records.some((r) => JSON.stringify(r.req) === JSON.stringify(s.request)));
    let from = 0;
    for (const r of cap.records) {
      const i = mine.findIndex((s, k) => k >= from && JSON.stringify(s.request) === JSON.stringify(r.req) && JSON.stringify(JSON.parse(s.body)) === JSON.stringify(r.data));
      expect(i, `${r.type} ${r.coin ?? ""} at ${r.t} is not an answer the simulator sent`).toBeGreaterThanOrEqual(from);
      expect(r.data).toEqual(JSON.parse(mine[i]!.body));
      from = i + 1;
    }

    expect(manifest).toMatchObject({ id, source: "live", mode: "live", venues: ["hl"], records: cap.records.length, counts: { outcomeMeta: 1, allMids: 6, l2Book: 3 * coins.length } });
    expect(manifest.sources).toEqual([{ source: "hyperliquid", venue: "hl", kind: "live", requests: cap.records.length, records: cap.records.length, failed: 0, failures: [] }]);
    expect(manifest.from).toBe(cap.records[0]!.t);
    expect(manifest.to).toBe(cap.records[cap.records.length - 1]!.t);
    expect(await (await get(`/admin/captures/${id}/manifest`)).json()).toEqual(manifest);

    // The replay loader reads it in workerd too: every book of the capture, nothing skipped.
    const loaded = loadCaptures([{ name: id!, decoded: cap }]);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.events.books.length).toBe(3 * coins.length);
    expect(loaded.value.stats.skipped).toEqual({});
  });

  it("with every source failing writes nothing, reports each failure, and fails the invocation loudly", async () => {
    const before = await captureKeys();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await simPost("/control/faults/info", {});
    const run = tick({
      CAPTURE_MODE: "auto",
      CAPTURE_COINS: "BTC,#150",
      CAPTURE_SAMPLES: "2",
      CAPTURE_SAMPLE_EVERY_MS: "0",
      // Nothing listens on port 9 (discard) on the loopback: the connection is refused.
      CAPTURE_POLYMARKET_URL: "http://127.0.0.1:9",
      CAPTURE_POLYMARKET_TOKENS: "23360939988679364027624185518382759743328544433592111535569478055890815567848",
      // The simulator has no Kalshi routes: it answers 404.
      CAPTURE_KALSHI_URL: `${sim().url}/trade-api/v2`,
      CAPTURE_KALSHI_TICKERS: "KXGOLD15M-26AUG101900-00",
    });
    await expect(run).rejects.toThrow(/failed: nothing captured, nothing written: hyperliquid live: 3 of 3 requests failed/);
    expect(await captureKeys()).toEqual(before);

    const status = ((await (await get("/admin/captures/status")).json()) as { lastRun: CaptureRunStatus }).lastRun;
    expect(status).toMatchObject({ ok: false, mode: "auto", captures: [] });
    expect(status.sources.map((s) => [s.source, s.kind, s.records, s.failed === s.requests && s.requests > 0])).toEqual([
      ["hyperliquid", "live", 0, true],
      ["hyperliquid", "historical", 0, true],
      ["polymarket", "live", 0, true],
      ["polymarket", "historical", 0, true],
      ["kalshi", "live", 0, true],
      ["kalshi", "historical", 0, true],
    ]);
    const hl = status.sources[0]!;
    expect(hl.failures[0]).toEqual({ type: "allMids", error: "HTTP 500: Internal Server Error" });
    expect(status.sources[2]!.failures[0]?.error).toMatch(/^network: /);
    expect(status.sources[4]!.failures[0]?.error).toMatch(/^HTTP 404/);
    expect(status.error).toMatch(/^nothing captured, nothing written: /);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^capture \S+ failed: nothing captured/));
    // The status is not a capture: the list does not show it.
    const list = (await (await get("/admin/captures")).json()) as { captures: { id: string }[] };
    expect(list.captures.map((c) => c.id).every((i) => /-(live|historical)$/.test(i))).toBe(true);
  });

  it("refuses a config it cannot run with, naming the var, and writes nothing", async () => {
    const before = await captureKeys();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(tick({ CAPTURE_MODE: "synthetic" })).rejects.toThrow(/config refused, nothing captured: CAPTURE_MODE: /);
    expect(await captureKeys()).toEqual(before);
    const status = ((await (await get("/admin/captures/status")).json()) as { lastRun: CaptureRunStatus }).lastRun;
    expect(status).toMatchObject({ ok: false, mode: null, sources: [] });
  });
});

describe("capture admin routes", () => {
  it("list newest first with manifests, the JSONL and the manifest of each", async () => {
    await tick({ CAPTURE_MODE: "live", CAPTURE_COINS: "BTC", CAPTURE_SAMPLES: "1" });
    await tick({ CAPTURE_MODE: "historical", CAPTURE_COINS: "BTC,#150", CAPTURE_CANDLE_INTERVAL: "1m", CAPTURE_LOOKBACK_MINUTES: "30" });
    const list = (await (await get("/admin/captures")).json()) as { captures: { id: string; key: string; size: number; manifest: CaptureManifest }[]; truncated: boolean };
    const ids = list.captures.map((c) => c.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(list.captures[0]?.manifest.source).toBe("historical");
    expect(list.captures[1]?.manifest.source).toBe("live");
    for (const c of list.captures.slice(0, 2)) {
      expect(c.key).toBe(c.id);
      const text = await (await get(`/admin/captures/${c.id}`)).text();
      expect(c.size).toBe(new TextEncoder().encode(text).length);
      expect(decodeCapture(text).manifest).toEqual(c.manifest);
    }
    const hist = decodeCapture(await (await get(`/admin/captures/${ids[0]}`)).text());
    expect(hist.records.map((r: CaptureRecord) => r.type)).toEqual(["candleSnapshot", "candleSnapshot"]);
    const one = (await (await get("/admin/captures?limit=1")).json()) as { captures: unknown[]; truncated: boolean };
    expect([one.captures.length, one.truncated]).toEqual([1, true]);
  });

  it("answer 401 without the token", async () => {
    for (const path of ["/admin/captures", "/admin/captures/status", "/admin/captures/20261121T101300.123Z-live", "/admin/captures/20261121T101300.123Z-live/manifest"]) {
      for (const token of [null, "wrong"]) {
        const res = await get(path, token);
        expect([path, res.status]).toEqual([path, 401]);
        expect(await res.json()).toMatchObject({ error: "unauthorized" });
      }
    }
  });

  it("answer 400 naming the field for a bad id or limit, 404 for an id that names no capture", async () => {
    for (const bad of ["nope", "20261121T101300.123Z-synthetic", "..%2Fcapture-status%2Flast-run.json", "20261121T101300Z-live"]) {
      for (const suffix of ["", "/manifest"]) {
        const res = await get(`/admin/captures/${bad}${suffix}`);
        expect([bad, suffix, res.status]).toEqual([bad, suffix, 400]);
        expect(await res.json()).toMatchObject({ error: "invalid_request", issues: [{ path: "id" }] });
      }
    }
    const lim = await get("/admin/captures?limit=0");
    expect(lim.status).toBe(400);
    expect(await lim.json()).toMatchObject({ issues: [{ path: "limit" }] });
    const unknown = await get("/admin/captures/20000101T000000.000Z-live");
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: "not_found", capture: "20000101T000000.000Z-live" }]);
  });
});
