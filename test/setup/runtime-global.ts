import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";

/** Bundles the signer Worker the way `wrangler deploy` would, for use as an auxiliary worker. */
export default function setup(project: TestProject): void {
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
}

declare module "vitest" {
  export interface ProvidedContext {
    signerModules: { type: "ESModule" | "CompiledWasm"; path: string }[];
  }
}
