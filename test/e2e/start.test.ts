/**
 * `npm start` as a new user runs it (issue #5 acceptance): in a copy of the working tree with no
 * local secrets and no Durable Object state (node_modules linked, as after `npm ci`), one command
 * starts the simulator and both Workers; within 60 s /api/status shows the markets connected and
 * decisions counted and the simulator shows the bot's resting orders; Ctrl-C stops every process
 * it started.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAPER_ACCOUNT } from "../../scripts/sim/paper";
import { freePort } from "../../scripts/start/free-port";
import { workingCopy } from "../../scripts/start/working-copy";

const REPO = resolve(import.meta.dirname, "../..");
const SIM_PORT = 8780;
const STARTED_WITHIN_MS = 60_000;

let dir = "";
let port = 0;
let child: ChildProcess | null = null;
let spawnedAt = 0;
let output = "";
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: null, signal: null });

const portFree = (p: number): Promise<boolean> =>
  new Promise((res) => {
    const s = createServer();
    s.once("error", () => res(false));
    s.listen(p, "127.0.0.1", () => s.close(() => res(true)));
  });

const until = async (what: string, probe: () => Promise<boolean>, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms. Output so far:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

/** Processes still alive from this run: npm's group, or anything serving our Workers' port. */
function leftovers(): string[] {
  const ps = execFileSync("ps", ["-eo", "pid=,pgid=,args="], { encoding: "utf8" }).split("\n");
  return ps.filter((l) => {
    const [, pgid] = l.trim().split(/\s+/);
    return (child?.pid !== undefined && pgid === String(child.pid)) || l.includes(`127.0.0.1:${port}`) || l.includes(`--port ${port}`);
  });
}

beforeAll(async () => {
  if (!(await portFree(SIM_PORT))) throw new Error(`port ${SIM_PORT} is taken (another simulator?): npm start needs it`);
  port = await freePort();
  dir = workingCopy(REPO, "hl-edge-e2e-");
  spawnedAt = Date.now();
  const c = spawn("npm", ["start", "--", "--port", String(port)], { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
  child = c;
  exited = new Promise((res) => c.once("exit", (code, signal) => res({ code, signal })));
  c.stdout?.on("data", (d: Buffer) => void (output += d.toString()));
  c.stderr?.on("data", (d: Buffer) => void (output += d.toString()));
});

afterAll(async () => {
  if (child?.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("npm start on a fresh copy", () => {
  it("writes the local secrets, prints the dashboard address and where the admin token is", async () => {
    await until("the dashboard line", async () => output.includes(`dashboard   http://127.0.0.1:${port}`), 120_000);
    expect(output).toContain(`admin token `);
    expect(output).toContain(`(new; saved in ${join(dir, ".dev.vars")})`);
    const token = /ADMIN_TOKEN=(\S+)/.exec(readFileSync(join(dir, ".dev.vars"), "utf8"))?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(output).toContain(token as string);
    expect(readFileSync(join(dir, "workers", "signer", ".dev.vars"), "utf8")).toMatch(/^HL_AGENT_KEY=0x[0-9a-f]{64}$/m);
  });

  it("within 60 s: markets connected, decisions counted, the bot's orders resting on the simulator", async () => {
    interface Status {
      markets: { id: string; feed?: { phase: string; synced: boolean }; decisions?: number }[];
      decisions: { markets: number };
    }
    let status: Status | null = null;
    let resting = 0;
    await until(
      "trading",
      async () => {
        status = (await (await fetch(`http://127.0.0.1:${port}/api/status`)).json()) as Status;
        resting = ((await (await fetch(`http://127.0.0.1:${SIM_PORT}/control/orders?user=${PAPER_ACCOUNT}`)).json()) as unknown[]).length;
        const connected = status.markets.length === 3 && status.markets.every((m) => m.feed?.phase === "up" && m.feed.synced);
        return connected && status.decisions.markets > 0 && resting > 0;
      },
      Math.max(0, spawnedAt + STARTED_WITHIN_MS - Date.now()),
    );
    console.log(`npm start: trading ${((Date.now() - spawnedAt) / 1000).toFixed(1)} s after the command, ${resting} resting orders`);
    expect(status!.markets.map((m) => m.id).sort()).toEqual(["hl:#150", "hl:#150~parity", "hl:rpl:ETH"]);
  });

  it("stops everything on Ctrl-C", async () => {
    // As a terminal's Ctrl-C: SIGINT to the whole foreground group (npm, tsx, scripts/start.ts).
    process.kill(-(child?.pid as number), "SIGINT");
    // npm itself ends on the signal (or 0); what matters is that start.ts cleaned up and exited.
    expect([{ code: 0, signal: null }, { code: null, signal: "SIGINT" }]).toContainEqual(await exited);
    await until("start.ts reports it stopped", async () => output.includes("stopped."), 30_000);
    await until("every process gone", async () => leftovers().length === 0, 30_000);
    expect(await portFree(port)).toBe(true);
    expect(await portFree(SIM_PORT)).toBe(true);
  });
});
