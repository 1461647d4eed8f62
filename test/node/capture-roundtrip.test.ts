/**
 * A capture's round trip (SPEC §15, §17): the api Worker built from wrangler.toml runs in workerd
 * (wrangler's test harness) against the local simulator; its cron handler captures, the JSONL is
 * downloaded through the admin API exactly as an operator would, and `npm run replay -- --capture`
 * and `npm run backtest -- --capture` run on the file. Both refuse a capture whose manifest says
 * another source (synthetic) or that has none, with exit code 2.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, type TestHarness, type TestHarnessOptions } from "wrangler";
import { decodeCapture, type CaptureManifest } from "../../shared/capture";
import { PAPER_AGENT_KEY } from "../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../scripts/sim/simulator";
import { REPO_ROOT } from "../../scripts/lib/files";

const TOKEN = "capture-roundtrip-token";
const LIVE = { CAPTURE_MODE: "live", CAPTURE_COINS: "BTC,rpl:BTC,rpl:ETH,outcomes", CAPTURE_SAMPLES: "6", CAPTURE_SAMPLE_EVERY_MS: "600" };
const HISTORICAL = { CAPTURE_MODE: "historical", CAPTURE_COINS: "rpl:BTC,rpl:ETH", CAPTURE_CANDLE_INTERVAL: "1m", CAPTURE_LOOKBACK_MINUTES: "60" };

let sim: Simulator;
let server: TestHarness;
let dir: string;
const files: Record<string, string> = {};
const texts: Record<string, string> = {};

function harness(vars: Record<string, string>): TestHarnessOptions {
  return {
    root: REPO_ROOT,
    workers: [
      { configPath: "./wrangler.toml", vars: { HL_API_URL: sim.url, ...vars }, secrets: { ADMIN_TOKEN: TOKEN } },
      { configPath: "./workers/signer/wrangler.toml", vars: { HL_API_URL: sim.url }, secrets: { HL_AGENT_KEY: PAPER_AGENT_KEY } },
    ],
  };
}

const admin = (path: string) => server.fetch(path, { headers: { authorization: `Bearer ${TOKEN}` } });

/** One cron tick of the Worker, and its capture downloaded through the admin API into a file. */
async function captureToFile(name: string, vars: Record<string, string>): Promise<void> {
  await server.update(harness(vars));
  const tick = await server.getWorker().scheduled({ cron: "*/5 * * * *" });
  expect(tick.outcome).toBe("ok");
  const status = (await (await admin("/admin/captures/status")).json()) as { lastRun: { captures: string[] } };
  const id = status.lastRun.captures[0];
  const res = await admin(`/admin/captures/${id}`);
  expect(res.status).toBe(200);
  texts[name] = await res.text();
  files[name] = join(dir, `${id}.jsonl`);
  writeFileSync(files[name], texts[name]);
}

function npm(script: "replay" | "backtest", ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The file with its manifest line rewritten (or dropped). */
function variant(name: string, f: (m: CaptureManifest) => CaptureManifest | null): string {
  const [first, ...rest] = texts.live!.split("\n");
  const m = f((JSON.parse(first!) as { manifest: CaptureManifest }).manifest);
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, [...(m === null ? [] : [JSON.stringify({ manifest: m })]), ...rest].join("\n"));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hl-edge-capture-"));
  // A minute into the recordings: the BTC+ETH books (served as dex rpl) have started.
  sim = await startSimulator({ port: 0, recordings: ["hip4-2026-05-10", "btc-eth-2025-09-04@rpl"], speed: 1, alignExpiry: false, skipMs: 60_000 });
  server = createTestHarness(harness(LIVE));
  await server.listen();
  await captureToFile("live", LIVE);
  await captureToFile("historical", HISTORICAL);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await sim?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("capture round trip through replay and backtest", () => {
  it("replay runs the live capture's books through the pipelines, one per captured coin, with the BTC -> ETH pair", () => {
    const cap = decodeCapture(texts.live!);
    const books = cap.records.filter((r) => r.type === "l2Book");
    const r = npm("replay", "--capture", files.live!, "--json");
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      source: string;
      pipeline: { replayed: number; skipped: number; markets: { coin: string; events: number; refused: number }[]; leadLag?: unknown };
      prices: { coin: string; count: number }[];
    };
    expect(report.source).toBe("live");
    expect(report.pipeline.replayed).toBe(books.length);
    expect(report.pipeline.skipped).toBe(0);
    const perCoin = (coin: string) => books.filter((b) => b.coin === coin).length;
    expect(report.pipeline.markets.map((m) => [m.coin, m.events, m.refused])).toEqual(["BTC", "rpl:BTC", "rpl:ETH", "#150", "#151"].map((c) => [c, perCoin(c), 0]));
    expect(report.pipeline.leadLag).toBeDefined();
    // allMids of both dexes, every round: 6 samples per coin.
    expect(report.prices.find((p) => p.coin === "rpl:ETH")?.count).toBe(6);
  });

  it("backtest runs the ofi strategy on the live capture's rpl:BTC -> rpl:ETH books", () => {
    const cap = decodeCapture(texts.live!);
    const pairBooks = cap.records.filter((r) => r.type === "l2Book" && (r.coin === "rpl:BTC" || r.coin === "rpl:ETH")).length;
    const r = npm("backtest", "--capture", files.live!, "--strategy", "ofi", "--json", "--out", dir);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { strategy: string; recording: string; input: { events: number; refusedByPipelines: number }; balance: { failures: number; accountMatchesVenue: boolean } };
    expect(report.strategy).toBe("ofi");
    expect(report.recording).toBe(`capture-${(cap.manifest as CaptureManifest).id}`);
    expect(report.input.events).toBe(pairBooks);
    expect(report.input.refusedByPipelines).toBe(0);
    expect(report.balance).toMatchObject({ failures: 0, accountMatchesVenue: true });
  });

  it("a historical capture replays as candles, and the backtest refuses it, saying why", () => {
    const cap = decodeCapture(texts.historical!);
    expect((cap.manifest as CaptureManifest).source).toBe("historical");
    const r = npm("replay", "--capture", files.historical!, "--json");
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { pipeline: unknown; candles: { coin: string; interval: string; count: number }[]; notes: string[] };
    expect(report.pipeline).toBeNull();
    expect(report.candles.map((c) => `${c.coin} ${c.interval}`).sort()).toEqual(["rpl:BTC 1m", "rpl:ETH 1m"]);
    expect(report.candles.every((c) => c.count > 0)).toBe(true);
    expect(report.notes[0]).toMatch(/no trades are made up from candles/);
    const b = npm("backtest", "--capture", files.historical!, "--strategy", "ofi");
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/backtest refused: .* is a historical capture/);
    // A folder replays its captures merged, one kind at a time.
    const folder = npm("replay", "--capture", dir);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/historical\.jsonl: a historical capture mixed with live ones/);
  });

  it("the dashboard's capture replay (dashboard/js/replay/capture.js) reads the downloaded file", async () => {
    type Parsed = { ok: boolean; records: number; bad: number; skipped: number; coins: string[]; events: { kind: string }[]; error?: string };
    const url = pathToFileURL(join(REPO_ROOT, "dashboard", "js", "replay", "capture.js")).href;
    const { parseCapture } = (await import(url)) as { parseCapture: (text: string, manifest?: unknown) => Parsed };
    const cap = decodeCapture(texts.live!);
    const p = parseCapture(texts.live!);
    expect(p.ok, p.error).toBe(true);
    // Books and mids are read; the one outcomeMeta line (reference data) is a type the page does
    // not replay: skipped, not unreadable.
    expect(p.records).toBe(cap.records.filter((r) => r.type !== "outcomeMeta").length);
    expect(p.skipped).toBe(cap.records.filter((r) => r.type === "outcomeMeta").length);
    expect(p.skipped).toBeGreaterThan(0);
    expect(p.bad).toBe(0);
    expect(p.events.filter((e) => e.kind === "book").length).toBe(cap.records.filter((r) => r.type === "l2Book").length);
    expect([...p.coins].sort()).toEqual(["#150", "#151", "BTC", "rpl:BTC", "rpl:ETH"]);
    const refused = parseCapture(readFileSync(variant("synthetic-dash", (m) => ({ ...m, source: "synthetic" }) as unknown as CaptureManifest), "utf8"));
    expect(refused.ok).toBe(false);
  });

  it("replay and backtest refuse a capture whose manifest says synthetic, or that has no manifest, with exit code 2", () => {
    const synthetic = variant("synthetic", (m) => ({ ...m, source: "synthetic" }) as unknown as CaptureManifest);
    const bare = variant("bare", () => null);
    for (const [file, why] of [
      [synthetic, /source "synthetic" refused: only live or historical captures are replayed/],
      [bare, /the capture has no manifest, so its source is unknown/],
    ] as const) {
      const r = npm("replay", "--capture", file);
      expect([r.status, r.stdout]).toEqual([2, ""]);
      expect(r.stderr).toMatch(/replay refused: /);
      expect(r.stderr).toMatch(why);
      const b = npm("backtest", "--capture", file, "--strategy", "ofi");
      expect(b.status).toBe(2);
      expect(b.stderr).toMatch(why);
    }
  });
});
