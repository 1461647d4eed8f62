/**
 * Bundles bench/workerd/pipeline-worker.ts with esbuild and runs it in workerd through the
 * Miniflare class (both come with the pinned wrangler), outside wrangler.toml. Returns the
 * per-frame time of each step: the wall time of a request of whole passes over the frames
 * minus that of an empty request, divided by the frames handled.
 */
import { build } from "esbuild";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { STEP_NAMES, type StepName } from "./pipeline-steps";

const here = dirname(fileURLToPath(import.meta.url));

export interface WorkerdTimings {
  /** Per-frame µs of each step timed (empty for steps not asked for). */
  perFrameUs: Record<StepName, number[]>;
  frames: number;
}

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(here, "pipeline-worker.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    minify: false,
  });
  const file = out.outputFiles[0];
  if (file === undefined) throw new Error("esbuild produced nothing");
  return file.text;
}

/** Times `steps` (all of them by default) in one fresh isolate. */
export async function timeInWorkerd(
  frames: readonly string[],
  samples: number,
  passes: number,
  steps: readonly StepName[] = STEP_NAMES,
): Promise<WorkerdTimings> {
  const options = convertV4MiniflareOptions({ modules: true, script: await bundle(), compatibilityDate: "2026-05-01" });
  const mf = new Miniflare(options);
  try {
    const base = "http://bench.local";
    const loaded = await mf.dispatchFetch(`${base}/load`, { method: "POST", body: frames.join("\n") });
    await loaded.text();
    const timeRequest = async (step: string): Promise<number> => {
      const t0 = process.hrtime.bigint();
      const r = await mf.dispatchFetch(`${base}/run?step=${step}&passes=${passes}`);
      await r.text();
      return Number(process.hrtime.bigint() - t0) / 1000;
    };
    // Warm up the isolate's JIT on every step first.
    for (const s of steps) await timeRequest(s);
    const perFrameUs = Object.fromEntries(STEP_NAMES.map((s) => [s, [] as number[]])) as Record<StepName, number[]>;
    for (let k = 0; k < samples; k++) {
      for (const s of steps) {
        const empty = await timeRequest("noop");
        const full = await timeRequest(s);
        perFrameUs[s].push((full - empty) / (passes * frames.length));
      }
    }
    return { perFrameUs, frames: frames.length };
  } finally {
    await mf.dispose();
  }
}
