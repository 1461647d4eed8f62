/**
 * What `npm start` runs, on free ports, for the dashboard tests: the local simulator (the HIP-4
 * outcome recording with its BTC perp, and the BTC+ETH recording as dex `rpl`), `wrangler dev`
 * with both Workers pointed at it, and the markets set up through the admin API with npm
 * start's own list (scripts/start/markets.ts).
 *
 * `npm start` pins the simulator to 127.0.0.1:8780 because a second `wrangler dev` Worker takes
 * no `--var`; here the Workers run from a working copy (scripts/start/working-copy.ts) with
 * Plotly vendored into it, and the venue URLs and secrets go into that copy's `.dev.vars` files,
 * which wrangler reads over [vars]. The repo's
 * .dev.vars are never touched, and a developer's `npm start` on the default ports keeps running
 * beside the tests.
 */
import { type ChildProcess, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../scripts/sim/simulator";
import { adminClient, type AdminClient, waitFor } from "../../scripts/start/admin-client";
import { setUpMarkets } from "../../scripts/start/markets";
import { freePort } from "../../scripts/start/free-port";
import { workingCopy } from "../../scripts/start/working-copy";
import { startWrangler, stopGroup } from "../../scripts/start/wrangler";

export const ROOT = resolve(import.meta.dirname, "..", "..");

export interface Stack {
  base: string;
  token: string;
  sim: Simulator;
  admin: AdminClient;
  account: string;
  /** wrangler's output, for a failing test's message. */
  log: string[];
  stop(): Promise<void>;
}

function devVars(path: string, vars: Record<string, string>): void {
  writeFileSync(path, Object.entries(vars).map(([k, v]) => `${k}=${v}`).join("\n") + "\n", { mode: 0o600 });
}

function spawnWrangler(src: string, port: number, persistTo: string, log: string[]): ChildProcess {
  const child = startWrangler({
    root: src,
    port,
    persistTo,
    env: { CI: "1" },
    log: (line) => {
      log.push(line);
      if (log.length > 400) log.splice(0, log.length - 400);
    },
  });
  child.once("exit", (code, signal) => log.push(`wrangler dev exited (${signal ?? code})`));
  return child;
}

export async function startStack(opts: { speed?: number } = {}): Promise<Stack> {
  const log: string[] = [];
  const sim = await startSimulator({ port: 0, recordings: ["hip4-2026-05-10", "btc-eth-2025-09-04@rpl"], speed: opts.speed ?? 1 });
  // A copy of the working tree: `wrangler dev` rebuilds and restarts on every change under what
  // it serves, and other people edit this checkout while the tests run.
  const src = workingCopy(ROOT, "hl-edge-dash-");
  execFileSync(process.execPath, [join(src, "scripts", "vendor-assets.mjs")], { stdio: "pipe" });
  const token = randomBytes(18).toString("base64url");
  devVars(join(src, ".dev.vars"), { HL_API_URL: sim.url, HL_WS_URL: sim.wsUrl, ADMIN_TOKEN: token });
  devVars(join(src, "workers", "signer", ".dev.vars"), { HL_API_URL: sim.url, HL_AGENT_KEY: PAPER_AGENT_KEY });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawnWrangler(src, port, join(src, ".wrangler", "dashboard-test-state"), log);
  const stop = async (): Promise<void> => {
    await stopGroup(child);
    await sim.close();
    rmSync(src, { recursive: true, force: true });
  };
  const admin = adminClient(base, token);
  try {
    if (!(await waitFor(async () => (await admin.get("/admin/health")).status === 200, 120_000))) throw new Error(`wrangler dev did not answer on ${base}:\n${log.slice(-30).join("\n")}`);
    if (!(await setUpMarkets(admin, (l) => log.push(l)))) throw new Error(`markets not configured:\n${log.slice(-30).join("\n")}`);
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, token, sim, admin, account: PAPER_ACCOUNT, log, stop };
}

/** POST to the simulator's control surface (what an operator would curl). */
export async function simControl(sim: Simulator, path: string, body: unknown = {}): Promise<unknown> {
  const r = await fetch(`${sim.url}/control${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`sim /control${path}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}

/** The account's resting orders on the simulator (GET /control/orders). */
export async function simOrders(sim: Simulator, user: string): Promise<unknown[]> {
  const r = await fetch(`${sim.url}/control/orders?user=${user}`);
  return (await r.json()) as unknown[];
}
