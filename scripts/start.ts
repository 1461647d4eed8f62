/**
 * `npm start`: paper trading on one command (SPEC §17). Starts the local venue simulator (the
 * HIP-4 outcome recording with its BTC perp, and the BTC+ETH recording as the HIP-3 dex "rpl"),
 * `wrangler dev` with the api and signer Workers pointed at it, writes missing local secrets,
 * sets the markets up through the admin API, and prints where to look. Ctrl-C stops everything.
 *
 *   --port <n>   the Workers' port (default 8787; the dashboard is http://127.0.0.1:<port>)
 *   --speed <x>  replay speed of the simulator (default 1)
 *
 * The simulator listens on 127.0.0.1:8780, where wrangler.toml and workers/signer/wrangler.toml
 * point (a second `wrangler dev` worker takes no --var, so the port is fixed). Durable Object
 * storage lives in a fresh temporary directory per run: the simulator's paper account starts
 * anew each time, and so does the bot's view of it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "./sim/paper";
import { startSimulator } from "./sim/simulator";
import { adminClient, waitFor } from "./start/admin-client";
import { ensureDevVars } from "./start/dev-vars";
import { setUpMarkets } from "./start/markets";
import { startWrangler, stopGroup } from "./start/wrangler";

const SIM_PORT = 8780;
/**
 * The replays start 12 minutes into their recordings: the HIP-4 book opens with wide spreads and
 * jumps (the bot's regimes keep it out for a minute or more), while from 04:12 UTC it stays liquid
 * for the next quarter hour; the BTC+ETH recording is past its trades-only opening and its 18 s
 * gap (19:58:11 UTC, data/hyperliquid/btc-eth-2025-09-04/README.md) by then.
 */
const SKIP_MS = 720_000;
const { values } = parseArgs({ options: { port: { type: "string", default: "8787" }, speed: { type: "string", default: "1" } } });
const port = Number(values.port);
const speed = Number(values.speed);
if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`--port must be a TCP port, got ${values.port}`);
if (!(speed > 0)) throw new Error(`--speed must be positive, got ${values.speed}`);

const root = resolve(import.meta.dirname, "..");
const base = `http://127.0.0.1:${port}`;
const say = (line: string): void => console.log(line);

say("hl-edge: paper trading against the local Hyperliquid simulator");
const vars = ensureDevVars(root, PAPER_AGENT_KEY);
if (vars.signerCreated) say(`  wrote ${vars.signerPath} (the simulator's paper agent key)`);

const sim = await startSimulator({
  port: SIM_PORT,
  recordings: ["hip4-2026-05-10", "btc-eth-2025-09-04@rpl"],
  speed,
  skipMs: SKIP_MS,
  log: (line) => say(`  [sim] ${line}`),
}).catch((e: unknown) => {
  say(`  the simulator could not listen on 127.0.0.1:${SIM_PORT} (${e instanceof Error ? e.message : String(e)}); is another simulator running?`);
  process.exit(1);
});
say(`  simulator ${sim.url} (ws ${sim.wsUrl}, control ${sim.url}/control/state), ${sim.recordings.map((r) => r.name).join(" + ")} at ${speed}x, from ${SKIP_MS / 60_000} min in`);

const persistTo = mkdtempSync(join(tmpdir(), "hl-edge-start-"));
const wrangler = startWrangler({ root, port, persistTo, log: (line) => say(`  [wrangler] ${line}`) });

let stopping = false;
async function stop(code: number, why: string): Promise<never> {
  if (stopping) return new Promise<never>(() => undefined);
  stopping = true;
  say(`\n${why}: stopping`);
  await stopGroup(wrangler);
  await sim.close();
  rmSync(persistTo, { recursive: true, force: true });
  say("stopped.");
  process.exit(code);
}
process.on("SIGINT", () => void stop(0, "SIGINT"));
process.on("SIGTERM", () => void stop(0, "SIGTERM"));
wrangler.once("exit", (code, signal) => {
  if (!stopping) void stop(1, `wrangler dev exited (${signal ?? code})`);
});

const admin = adminClient(base, vars.adminToken);
if (!(await waitFor(async () => (await admin.get("/admin/health")).status === 200, 90_000))) await stop(1, `the Workers did not answer on ${base} within 90 s`);
const configured = await setUpMarkets(admin, (line) => say(`  ${line}`));

say("");
say(`  dashboard   ${base}`);
say(`  status      ${base}/api/status`);
say(`  admin API   ${base}/admin/...  (Authorization: Bearer <ADMIN_TOKEN>)`);
say(`  admin token ${vars.created ? `${vars.adminToken}  (new; saved in ${vars.apiPath})` : `in ${vars.apiPath}`}`);
say(`  account     ${PAPER_ACCOUNT} (paper)`);
say(configured ? "  trading. Ctrl-C to stop." : "  some markets could not be configured (see above). Ctrl-C to stop.");

// A line every 15 s, so a terminal shows the bot is alive without opening the dashboard.
setInterval(() => {
  void fetch(`${base}/api/status`)
    .then((r) => r.json() as Promise<{ markets: { id: string; feed?: { phase: string; synced: boolean }; decisions?: number; error?: string }[] }>)
    .then((s) =>
      say(`  ${new Date().toISOString()} ${s.markets.map((m) => (m.feed === undefined ? `${m.id} ${m.error ?? "?"}` : `${m.id} ${m.feed.phase}${m.feed.synced ? "/synced" : ""} ${m.decisions ?? 0} decisions`)).join(", ")}; ${sim.control.openOrders(PAPER_ACCOUNT).length} resting orders`),
    )
    .catch(() => undefined);
}, 15_000).unref();
