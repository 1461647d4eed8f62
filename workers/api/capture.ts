/**
 * The cron snapshot capture (SPEC §15), the body of the api Worker's `scheduled()`: the plan from
 * the `CAPTURE_*` vars (shared/capture/plan.ts), one run through the venue sources
 * (shared/capture/run.ts), each capture that came back written to R2, and the run's status kept
 * for `GET /admin/captures/status`. There is no synthetic fallback: when nothing came back (or the
 * config is refused) nothing is written, the failure is logged with console.error, and the
 * invocation fails, so the cron's own log shows it too.
 */
import { capturePlan, runCapture, runId, sourcesFor, type CaptureRunStatus, type CaptureVars } from "../../shared/capture";
import type { Env } from "./env";
import { fetchJsonWithTimeout } from "./capture/fetch-json";
import { writeCapture, writeStatus } from "./capture/store";

export type CaptureEnv = Env & CaptureVars;

export interface CaptureClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const systemClock: CaptureClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** One run; never throws: every outcome is in the returned (and stored) status. */
export async function captureOnce(env: CaptureEnv, clock: CaptureClock = systemClock): Promise<CaptureRunStatus> {
  const startedAt = clock.now();
  const plan = capturePlan(env);
  let status: CaptureRunStatus;
  if (!plan.ok) {
    const why = plan.error.map((i) => `${i.path}: ${i.message}`).join("; ");
    status = { run: runId(startedAt), startedAt, finishedAt: clock.now(), ok: false, mode: null, captures: [], sources: [], error: `config refused, nothing captured: ${why}` };
  } else {
    const r = await runCapture(plan.value, sourcesFor(plan.value), { fetchJson: fetchJsonWithTimeout(plan.value.timeoutMs), now: clock.now, sleep: clock.sleep });
    status = r.status;
    const written: string[] = [];
    const problems: string[] = [];
    for (const f of r.files) {
      try {
        await writeCapture(env.CAPTURES, f);
        written.push(f.manifest.id);
      } catch (e) {
        problems.push(`${f.manifest.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (problems.length > 0) status = { ...status, ok: written.length > 0, captures: written, error: `R2 write failed: ${problems.join("; ")}` };
  }
  try {
    await writeStatus(env.CAPTURES, status);
  } catch (e) {
    console.error(`capture ${status.run}: the status could not be stored: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!status.ok) console.error(`capture ${status.run} failed: ${status.error}`);
  return status;
}

/** `scheduled()`: a failed run rejects, so the invocation is marked failed. */
export async function scheduledCapture(_controller: ScheduledController, env: CaptureEnv): Promise<void> {
  const status = await captureOnce(env);
  if (!status.ok) throw new Error(`capture ${status.run} failed: ${status.error}`);
}
