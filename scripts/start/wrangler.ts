/**
 * `wrangler dev` with both Workers (the api Worker with its Durable Objects, and the signer
 * Worker reached by service binding) as a child process group, so stopping it also stops the
 * workerd processes it starts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export interface WranglerOptions {
  root: string;
  port: number;
  /** Durable Object storage of this run (a fresh directory: paper state starts clean). */
  persistTo: string;
  log(line: string): void;
  /** More environment for wrangler (e.g. CI=1 under the test runner). */
  env?: Record<string, string>;
}

/**
 * wrangler dev's local observability (the trace collector behind its local explorer, on by
 * default) is turned off: it runs as one more Worker on the same workerd thread as the bot and
 * stores a span for every event (each frame, RPC, SQL call and fetch) in SQLite. A CPU profile of
 * the tick-to-order run showed it busier than the signer; turning it off took tick to order from
 * 7.5 to 4.5 ms p50 (measured on the simulator's clock). It is a wrangler dev feature only;
 * deployed Workers are not affected.
 */
export const WRANGLER_DEV_ENV: Readonly<Record<string, string>> = { WRANGLER_SEND_METRICS: "false", X_LOCAL_OBSERVABILITY: "false", FORCE_COLOR: "0", NO_COLOR: "1" };

export function startWrangler(o: WranglerOptions): ChildProcess {
  const args = [
    join(o.root, "node_modules", "wrangler", "bin", "wrangler.js"),
    "dev",
    "-c",
    "wrangler.toml",
    "-c",
    "workers/signer/wrangler.toml",
    "--ip",
    "127.0.0.1",
    "--port",
    String(o.port),
    "--persist-to",
    o.persistTo,
    "--show-interactive-dev-session=false",
  ];
  const child = spawn(process.execPath, args, {
    cwd: o.root,
    env: { ...process.env, ...WRANGLER_DEV_ENV, ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) if (l.trim() !== "") o.log(l);
    });
  }
  return child;
}

/** SIGINT to the whole group (as a terminal's Ctrl-C would), then SIGTERM and SIGKILL if it lingers. */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (s: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), s);
    } catch {
      // The group is already gone.
    }
  };
  signal("SIGINT");
  const within = (ms: number): Promise<boolean> => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  if (await within(graceMs)) return signal("SIGTERM");
  signal("SIGTERM");
  if (await within(3_000)) return;
  signal("SIGKILL");
  await within(3_000);
}
