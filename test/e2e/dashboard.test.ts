/**
 * The dashboard in a real browser (issue #6 acceptance): Debian's Chromium loads the page from
 * `wrangler dev` with the simulator replaying the real recordings and npm start's markets
 * trading. Every panel shows live data within 10 s, the 3D views carry data, the kill button
 * (token, confirmation) leaves no resting order on the simulator and the page shows HALTED, the
 * stale banner names the market when the simulator stalls its feed, a wrong token is explained,
 * a capture replays through the views, and the page logs no console error. Screenshots go to
 * test-artifacts/dashboard-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type Browser, launch, openPage, screenshot, type WatchedPage } from "./dashboard-browser";
import { recordCapture } from "./dashboard-capture";
import { simControl, simOrders, type Stack, startStack } from "./dashboard-stack";

let stack: Stack;
let browser: Browser;
let main: WatchedPage;

async function until<T>(what: string, probe: () => Promise<T | null | false | undefined>, ms: number, everyMs = 500): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v !== null && v !== false && v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const text = (page: Page, sel: string): Promise<string> => page.locator(sel).innerText();

async function unlock(page: Page, token: string): Promise<void> {
  await page.fill("#token-input", token);
  await page.click("#token-save");
}

beforeAll(async () => {
  stack = await startStack();
  // The bot, not the page, must be up first: markets synced, account ready, orders answered
  // (the latency panel is built from order acks, the decisions panel from risk records).
  let status = "";
  await until(
    "markets synced and the account ready",
    async () => {
      status = await (await fetch(`${stack.base}/api/status`)).text();
      const s = JSON.parse(status) as { risk: { phase?: string } | null; markets: { feed?: { phase: string; synced: boolean } }[] };
      return s.risk?.phase === "ready" && s.markets.length === 3 && s.markets.every((m) => m.feed?.phase === "up" && m.feed.synced);
    },
    120_000,
  ).catch((e: unknown) => {
    throw new Error(`${String(e)}\n/api/status: ${status.slice(0, 2_000)}\nwrangler dev:\n${stack.log.slice(-30).join("\n")}`);
  });
  await until("an order answered by the venue", async () => {
    const r = await stack.admin.get("/admin/decisions?kind=ack&limit=1");
    return Array.isArray(r.body) && r.body.length > 0;
  }, 120_000);
  browser = await launch();
  main = await openPage(browser);
}, 300_000);

afterEach((ctx) => {
  if (ctx.task.result?.state === "fail") console.log(`wrangler dev, last lines:\n${stack.log.slice(-40).join("\n")}`);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

describe("dashboard in Chromium against wrangler dev and the simulator", () => {
  it("without the token: book, signals, regimes, latency and the 3D views' inputs live within 10 s, PnL today and the paper badge shown", async () => {
    const other = await openPage(browser);
    const { page } = other;
    const opened = Date.now();
    await page.goto(stack.base);
    const want = ["panel-books", "panel-signals", "panel-latency", "panel-kpi", "panel-as", "panel-digital"];
    const firstLive = await page.evaluate(
      ({ t0, ids }) =>
        new Promise<Record<string, number>>((resolve) => {
          const seen: Record<string, number> = {};
          const check = (): void => {
            for (const id of ids) if (document.getElementById(id)?.dataset.state === "live" && seen[id] === undefined) seen[id] = Date.now() - t0;
            if (Object.keys(seen).length === ids.length) resolve(seen);
            else setTimeout(check, 100);
          };
          check();
        }),
      { t0: opened, ids: want },
    );
    const elapsed = Math.max(...Object.values(firstLive));
    console.log(`without the token, panels live ${elapsed} ms after the page opened: ${JSON.stringify(firstLive)}`);
    expect(elapsed).toBeLessThanOrEqual(10_000);
    expect(await text(page, "#mode-badge")).toMatch(/^PAPER · local simulator 127\.0\.0\.1:\d+$/);
    expect(await text(page, "#token-status")).toMatch(/^Locked/);
    // Best levels from the stream: prices in the bid/ask cells of every row, within the same 10 s.
    const readCells = () => page.locator("#books-body tr").evaluateAll((rows) => rows.map((r) => [r.children[1]?.textContent ?? "", r.children[3]?.textContent ?? "", r.children[4]?.textContent ?? ""]));
    await page
      .waitForFunction(() => Array.from(document.querySelectorAll("#books-body tr")).every((r) => /^\d/.test(r.children[3]?.textContent ?? "") && /^\d/.test(r.children[4]?.textContent ?? "")), null, { timeout: Math.max(500, opened + 10_000 - Date.now()) })
      .catch(async () => {
        throw new Error(`book rows without both best levels 10 s after opening: ${JSON.stringify(await readCells())}`);
      });
    const cells = (await readCells()).map(([, bid, ask]) => [bid!, ask!]);
    expect(cells).toHaveLength(3);
    for (const [bid, ask] of cells) {
      expect(bid).toMatch(/^\d+(\.\d+)?$/);
      expect(ask).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(ask)).toBeGreaterThan(Number(bid));
    }
    // Signals tail: one row per coin with its regime (liquidity, vol bucket) or EXTREME.
    const regimes = await page.locator("#signals-body tr td:nth-child(9)").allInnerTexts();
    expect(regimes.some((r) => /^(EXTREME|\w+, \w+ vol)/.test(r))).toBe(true);
    expect(await text(page, "#kpi-today")).toMatch(/^([+−]?\$[\d,]+\.\d\d)$/);
    expect(await text(page, "#kpi-today-sub")).toMatch(/00:00 UTC/);
    expect(await page.locator("#latency-body tr").count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator("#latency-body tr").first().getAttribute("title")).toMatch(/only advances across I\/O/);
    await screenshot(page, "public");
    expect(other.errors).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.renderErrors ?? "")).toBe("");
    await page.close();
  }, 60_000);

  it("every panel shows live data within 10 s of opening the page, and the 3D views have data", async () => {
    const { page } = main;
    const opened = Date.now();
    await page.goto(stack.base);
    await unlock(page, stack.token);
    // When each panel first showed live data, in ms since the page opened.
    const firstLive = await page.evaluate(
      (t0) =>
        new Promise<Record<string, number>>((resolve) => {
          const seen: Record<string, number> = {};
          const check = (): void => {
            for (const p of Array.from(document.querySelectorAll<HTMLElement>(".panel"))) if (p.dataset.state === "live" && seen[p.id] === undefined) seen[p.id] = Date.now() - t0;
            if (Object.keys(seen).length === document.querySelectorAll(".panel").length) resolve(seen);
            else setTimeout(check, 100);
          };
          check();
        }),
      opened,
    );
    const elapsed = Math.max(...Object.values(firstLive));
    console.log(`every panel live ${elapsed} ms after the page opened: ${JSON.stringify(firstLive)}`);
    expect(elapsed).toBeLessThanOrEqual(10_000);

    expect(await text(page, "h1")).toContain("hl-edge");
    expect(await text(page, "#mode-badge")).toMatch(/^PAPER · local simulator 127\.0\.0\.1:\d+$/);
    expect(await text(page, "#network-badge")).toBe("network mainnet (signatures only)");
    expect(await text(page, "#kpi-equity")).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await text(page, "#kpi-risk")).toBe("ACTIVE");
    expect(await page.locator("#books-body tr").count()).toBe(3);
    expect(await text(page, "#books-body")).toMatch(/#150 YES[\s\S]*BTC perp[\s\S]*rpl:ETH perp/);
    expect(await page.locator("#stale-banner").isHidden()).toBe(true);

    // The trigger plane needs the bot config (admin API), which may land just after the first draw.
    await page.waitForFunction(() => ((document.getElementById("ineff-chart") as unknown as { data?: { name?: string }[] }).data ?? []).some((t) => t.name === "arb trigger"), null, { timeout: 10_000 });
    const traces = await page.evaluate(() => {
      const read = (id: string) => ((document.getElementById(id) as unknown as { data?: { type: string; name?: string; x: unknown[]; y: unknown[]; z: unknown[] }[] }).data ?? []).map((t) => ({ type: t.type, name: t.name ?? "", x: t.x as number[], y: t.y as number[], z: t.z as (number | null | (number | null)[])[] }));
      return { as: read("as-chart"), ineff: read("ineff-chart"), digital: read("digital-chart"), pnl: read("pnl-chart"), latency: read("latency-chart") };
    });
    const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);
    const surface = (t: { z: unknown[] }) => t.z.flat().filter(finite).length;

    // AS band: bid below ask everywhere, the live point on both surfaces' formula.
    const [ask, bid, now] = traces.as;
    expect(ask?.type).toBe("surface");
    expect(bid?.type).toBe("surface");
    expect(surface(ask as { z: unknown[] })).toBe(25 * 21);
    (ask?.z as number[][]).forEach((row, i) => row.forEach((a, j) => expect(a).toBeGreaterThan((bid?.z as number[][])[i]?.[j] as number)));
    expect(now?.type).toBe("scatter3d");
    expect([...(now?.x ?? []), ...(now?.y ?? []), ...((now?.z ?? []) as number[])].every(finite)).toBe(true);

    // Inefficiency: at least the YES book and the digital pseudo-venue, the trigger plane at min_edge_bps.
    const ineff = traces.ineff;
    expect(ineff[0]?.type).toBe("surface");
    expect((ineff[0]?.x ?? []).length).toBeGreaterThanOrEqual(2);
    expect(surface(ineff[0] as { z: unknown[] })).toBeGreaterThan(0);
    const trigger = ineff.find((t) => t.name === "arb trigger");
    expect((trigger?.z as number[][])[0]?.[0]).toBe(0.005);
    expect(await text(page, "#ineff-values")).toMatch(/live: Hyperliquid YES, BTC digital P\(YES\)/);

    // Digital: P(YES) in [0, 1] over the grid, the live point on it.
    const [surf, model] = traces.digital;
    expect(surface(surf as { z: unknown[] })).toBe(31 * 25);
    expect((surf?.z as number[][]).flat().every((p) => p >= 0 && p <= 1)).toBe(true);
    expect((model?.z as number[])[0]).toBeGreaterThanOrEqual(0);
    expect((model?.z as number[])[0]).toBeLessThanOrEqual(1);

    expect(traces.pnl[0]?.y.length).toBeGreaterThan(0);
    expect(traces.latency.length).toBe(6);
    await screenshot(page, "live");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(2_500);
    await screenshot(page, "phone");
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(main.errors).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.renderErrors ?? "")).toBe("");
  }, 60_000);

  it("the τ slider redraws the digital surface towards the step at the strike", async () => {
    const { page } = main;
    const spread = () => page.evaluate(() => {
      const z = (document.getElementById("digital-chart") as unknown as { data: { z: number[][] }[] }).data[0]?.z ?? [];
      return z.flat().filter((p) => p > 0.01 && p < 0.99).length;
    });
    const live = await spread();
    await page.locator("#tau-slider").fill("6");
    await page.waitForFunction(() => /× live/.test(document.getElementById("tau-label")?.textContent ?? ""));
    await page.waitForTimeout(500);
    expect(await spread()).toBeLessThan(live);
    await page.locator("#tau-slider").fill("0");
    expect(main.errors).toEqual([]);
  });

  it("the stale banner names the market feed the simulator stalls, and clears when it comes back", async () => {
    const { page } = main;
    await simControl(stack.sim, "/faults/stall", { channels: ["l2Book", "bbo", "trades"] });
    try {
      await page.locator("#stale-banner").waitFor({ state: "visible", timeout: 30_000 });
      await page.waitForFunction(() => /market feed hl:#150/.test(document.getElementById("stale-banner")?.textContent ?? ""), null, { timeout: 30_000 });
      const banner = await text(page, "#stale-banner");
      console.log(`stale banner: ${banner.replace(/\n/g, " | ")}`);
      expect(banner).toMatch(/STALE DATA/);
      await screenshot(page, "stale");
    } finally {
      await simControl(stack.sim, "/faults/clear");
    }
    await page.locator("#stale-banner").waitFor({ state: "hidden", timeout: 90_000 });
    expect(main.errors).toEqual([]);
  }, 150_000);

  it("the stream reconnects by itself when the connection drops, and the banner names it meanwhile", async () => {
    const other = await openPage(browser);
    const { page } = other;
    let refuse = false;
    let connects = 0;
    const open: { close(o?: { code?: number; reason?: string }): Promise<void> }[] = [];
    await page.routeWebSocket(/\/stream$/, (ws) => {
      connects++;
      if (refuse) {
        void ws.close({ code: 1012, reason: "test: service restart" });
        return;
      }
      ws.connectToServer();
      open.push(ws);
    });
    await page.goto(stack.base);
    await page.waitForFunction(() => /^live/.test(document.getElementById("conn-badge")?.textContent ?? ""), null, { timeout: 10_000 });
    refuse = true;
    for (const ws of open.splice(0)) await ws.close({ code: 1012, reason: "test: service restart" });
    await page.waitForFunction(() => /live stream: disconnected/.test(document.getElementById("stale-banner")?.textContent ?? ""), null, { timeout: 10_000 });
    expect(await text(page, "#conn-badge")).toMatch(/disconnected, retry in/);
    const refused = connects;
    await page.waitForTimeout(3_000);
    expect(connects).toBeGreaterThan(refused);
    refuse = false;
    await page.locator("#stale-banner").waitFor({ state: "hidden", timeout: 30_000 });
    expect(await text(page, "#conn-badge")).toMatch(/^live · update/);
    expect(other.errors).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.renderErrors ?? "")).toBe("");
    await page.close();
  }, 60_000);

  it("a wrong token is refused and explained, and nothing is sent to the venue", async () => {
    const other = await openPage(browser);
    const { page } = other;
    page.on("dialog", (d) => void d.accept());
    await page.goto(stack.base);
    await unlock(page, "not-the-token");
    await page.waitForFunction(() => /401/.test(document.getElementById("token-status")?.textContent ?? ""), null, { timeout: 10_000 });
    await page.click("#btn-kill");
    await page.waitForFunction(() => /401 Unauthorized/.test(document.getElementById("control-answer")?.textContent ?? ""), null, { timeout: 10_000 });
    expect(await text(page, "#control-answer")).toMatch(/ADMIN_TOKEN/);
    expect(await text(page, "#kpi-risk")).toBe("ACTIVE");
    // The browser reports each refused request itself; the page adds nothing of its own.
    expect(other.errors.every((e) => /status of 401/.test(e))).toBe(true);
    await page.close();
  });

  it("kill switch: with the token and the confirmation, the simulator is left with no resting order and the page shows HALTED", async () => {
    const { page } = main;
    const resting = await until("the bot's resting orders on the simulator", async () => {
      const o = await simOrders(stack.sim, stack.account);
      return o.length > 0 ? o.length : null;
    }, 180_000, 1_000);
    console.log(`${resting} resting orders on the simulator before the kill`);
    const dialogs: string[] = [];
    page.once("dialog", (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.click("#btn-kill");
    await page.waitForFunction(() => /\/admin\/kill: done/.test(document.getElementById("control-answer")?.textContent ?? ""), null, { timeout: 20_000 });
    expect(dialogs[0]).toMatch(/KILL SWITCH/);
    await page.waitForFunction(() => document.getElementById("kpi-risk")?.textContent === "HALTED", null, { timeout: 10_000 });
    await until("no resting order on the simulator", async () => (await simOrders(stack.sim, stack.account)).length === 0, 30_000);
    await page.waitForTimeout(3_000);
    expect(await simOrders(stack.sim, stack.account)).toEqual([]);
    expect(await text(page, "#risk-line")).toMatch(/HALTED — kill switch set: dashboard kill switch/);
    await screenshot(page, "killed");

    page.once("dialog", (d) => void d.accept());
    await page.click("#btn-resume");
    await page.waitForFunction(() => /\/admin\/resume: /.test(document.getElementById("control-answer")?.textContent ?? ""), null, { timeout: 20_000 });
    expect(await text(page, "#control-answer")).toMatch(/\/admin\/resume: done/);
    await page.waitForFunction(() => document.getElementById("kpi-risk")?.textContent === "ACTIVE", null, { timeout: 30_000 });
    expect(main.errors).toEqual([]);
  }, 300_000);

  it("capture replay: the real list says there are none; a capture in the capture job's format plays through the views", async () => {
    const { page } = main;
    await page.waitForFunction(() => /No captures yet/.test(document.getElementById("replay-status")?.textContent ?? ""), null, { timeout: 10_000 });

    // The capture endpoints are built by another engineer; until they exist the page is served
    // a capture recorded here from the simulator's /info, in the documented format.
    const cap = await recordCapture({ url: stack.sim.url, books: ["#150", "#151", "BTC"], durationMs: 6_000, everyMs: 200, note: "recorded by the dashboard test from the simulator" });
    const other = await openPage(browser);
    const p2 = other.page;
    const key = "captures/live/2026-05-10T04-00-hl.jsonl";
    await p2.route(`${stack.base}/admin/captures`, (r) => r.fulfill({ json: { captures: [{ key, size: cap.jsonl.length, uploaded: new Date().toISOString() }], truncated: false } }));
    await p2.route(`${stack.base}/admin/captures/*`, (r) => r.fulfill({ body: cap.jsonl, contentType: "application/x-ndjson" }));
    await p2.goto(stack.base);
    await unlock(p2, stack.token);
    await p2.waitForFunction(() => /1 capture/.test(document.getElementById("replay-status")?.textContent ?? ""), null, { timeout: 15_000 });
    await p2.selectOption("#replay-speed", "10");
    await p2.click("#replay-play");
    await p2.locator("#replay-banner").waitFor({ state: "visible", timeout: 10_000 });
    expect(await text(p2, "#replay-banner")).toMatch(/REPLAY of capture \S+ \(source live/);
    await p2.waitForFunction(() => document.querySelectorAll("#books-body tr.replay").length >= 3, null, { timeout: 10_000 });
    expect(await text(p2, "#books-body")).toMatch(/#150 \(capture\)/);
    await p2.waitForFunction(() => /replay/.test(document.querySelector("#panel-as .panel-note")?.textContent ?? "") || /replay of/.test(document.getElementById("as-values")?.textContent ?? ""), null, { timeout: 20_000 });
    await screenshot(p2, "replay");
    await p2.waitForFunction(() => /Finished/.test(document.getElementById("replay-status")?.textContent ?? ""), null, { timeout: 30_000 });
    expect(await text(p2, "#replay-status")).toMatch(/Manifest: source live, mode live, span \S+–\S+ \(\d+ s\); counts: /);
    await p2.click("#replay-stop");
    expect(await p2.locator("#replay-banner").isHidden()).toBe(true);
    expect(await p2.locator("#books-body tr.replay").count()).toBe(0);
    expect(other.errors).toEqual([]);
    await p2.close();
    expect(main.errors).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.renderErrors ?? "")).toBe("");
  }, 120_000);
});
