import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../scripts/sim/simulator";

let sim: Simulator | undefined;

/**
 * Runtime tests run in workerd against the real local venue simulator over loopback sockets:
 * one simulator per run (test files run one at a time and reset it through its control
 * endpoint), and the signer Worker bundled the way `wrangler deploy` would bundle it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outdir = resolve(".wrangler/test/signer");
  execFileSync(
    process.execPath,
    [resolve("node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir, "-c", "workers/signer/wrangler.toml"],
    { stdio: "pipe", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  // Miniflare 5 wants every module listed with its type; the entry module goes first.
  const files = readdirSync(outdir).filter((f) => f.endsWith(".js") || f.endsWith(".wasm"));
  files.sort((a, b) => (a === "index.js" ? -1 : b === "index.js" ? 1 : a.localeCompare(b)));
  const modules = files.map((f) => ({
    type: f.endsWith(".wasm") ? ("CompiledWasm" as const) : ("ESModule" as const),
    path: resolve(outdir, f),
  }));
  project.provide("signerModules", modules);

  // What `npm start` serves: the HIP-4 outcome with its BTC perp, and the BTC+ETH recording as
  // the HIP-3 dex "rpl" (scripts/sim/README.md).
  sim = await startSimulator({ port: 0, recordings: ["hip4-2026-05-10", "btc-eth-2025-09-04@rpl"], speed: 1, alignExpiry: false });
  project.provide("sim", { url: sim.url, wsUrl: sim.wsUrl, account: PAPER_ACCOUNT, agentKey: PAPER_AGENT_KEY });
  return async () => {
    await sim?.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    signerModules: { type: "ESModule" | "CompiledWasm"; path: string }[];
    sim: { url: string; wsUrl: string; account: string; agentKey: string };
  }
}
