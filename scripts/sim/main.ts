/**
 * `npm run sim [-- options]`: the local Hyperliquid venue simulator as a process. Prints what it
 * serves and runs until Ctrl-C (SIGINT) or SIGTERM.
 *
 *   --port <n>                 127.0.0.1 port (default 8780; 0 = any free port)
 *   --recording <name>         repeatable; default hip4-2026-05-10 (see RECORDING_NAMES);
 *                              <name>@<dex> serves it as a HIP-3 dex (btc-eth-2025-09-04@rpl)
 *   --speed <x>                recorded seconds per second (default 1)
 *   --skip-seconds <s>         start every replay this far into its recording (default 0)
 *   --no-loop                  stop after one pass instead of looping with a new outcome
 *   --network mainnet|testnet  which phantom-agent source signatures must use (default mainnet)
 *   --account <0x..>           the paper account (default: Hardhat/Anvil dev account #0)
 *   --agent <0x..>             repeatable; API wallets approved for it (default: dev account #1)
 *   --usdc <amount>            starting perp and spot USDC each (default 100000)
 *   --cum-vlm <amount>         traded volume the account starts with (default 1000000)
 *   --idle-timeout-ms <ms>     close silent sockets after (default 60000)
 *   --slow-book-ms <ms>        cadence of 20-level books without `fast` (default 2000)
 *   --disconnect-every-ms <ms> drop every socket this often, unannounced
 */
import { parseArgs } from "node:util";
import { PAPER_ACCOUNT, PAPER_AGENT, paperAccount } from "./paper";
import { isRecordingRef, RECORDING_NAMES } from "./recordings";
import { startSimulator } from "./simulator";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8780" },
    recording: { type: "string", multiple: true },
    speed: { type: "string", default: "1" },
    "skip-seconds": { type: "string", default: "0" },
    "no-loop": { type: "boolean", default: false },
    network: { type: "string", default: "mainnet" },
    account: { type: "string" },
    agent: { type: "string", multiple: true },
    usdc: { type: "string", default: "100000" },
    "cum-vlm": { type: "string", default: "1000000" },
    "idle-timeout-ms": { type: "string" },
    "slow-book-ms": { type: "string" },
    "disconnect-every-ms": { type: "string" },
  },
});

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${v}`);
  return n;
}

const network = values.network === "testnet" ? "testnet" : "mainnet";
const recordings = values.recording ?? ["hip4-2026-05-10"];
for (const r of recordings) if (!isRecordingRef(r)) throw new Error(`unknown recording ${r}; known: ${RECORDING_NAMES.join(", ")}`);
const account = paperAccount({
  address: values.account ?? PAPER_ACCOUNT,
  agents: values.agent ?? (values.account === undefined ? [PAPER_AGENT] : []),
  perpUsdc: values.usdc,
  spotUsdc: values.usdc,
  cumVlm: values["cum-vlm"],
});

const options = {
  port: num("port", values.port) ?? 8780,
  recordings,
  speed: num("speed", values.speed) ?? 1,
  skipMs: (num("skip-seconds", values["skip-seconds"]) ?? 0) * 1000,
  loop: !values["no-loop"],
  network,
  accounts: [account],
  log: (line: string) => console.log(`  ${line}`),
} as Parameters<typeof startSimulator>[0] & object;
const idle = num("idle-timeout-ms", values["idle-timeout-ms"]);
if (idle !== undefined) options.idleTimeoutMs = idle;
const slow = num("slow-book-ms", values["slow-book-ms"]);
if (slow !== undefined) options.slowBookMs = slow;
const every = num("disconnect-every-ms", values["disconnect-every-ms"]);
if (every !== undefined) options.disconnectEveryMs = every;

console.log("hl-edge venue simulator (Hyperliquid protocol, replaying real recordings)");
const sim = await startSimulator(options);
const iso = (ms: number): string => new Date(ms).toISOString();
console.log(`  REST     ${sim.url}/info  ${sim.url}/exchange`);
console.log(`  WS       ${sim.wsUrl}`);
console.log(`  control  ${sim.url}/control/state  (faults: POST ${sim.url}/control/faults/...)`);
console.log(`  port     ${sim.port}`);
console.log(`  network  ${network} (L1 signatures with phantom-agent source "${network === "mainnet" ? "a" : "b"}")`);
for (const r of sim.recordings) {
  console.log(`  recording ${r.name}: ${r.events} events, recorded ${iso(r.start)} .. ${iso(r.end)}`);
  console.log(`            files: ${r.files.join(", ")}`);
}
console.log(`  speed    ${sim.speed}x, ${options.loop === false ? "one pass" : "looping (a new outcome each pass)"}; sim clock starts ${iso(sim.simStart)}`);
console.log(`  account  ${account.address} (perp ${account.perpUsdc} USDC, spot ${account.spotUsdc} USDC)`);
console.log(`  agents   ${(account.agents ?? []).join(", ") || "none"}`);
if (values.account === undefined) console.log("           (paper keys: Hardhat/Anvil development accounts #0 and #1, scripts/sim/paper.ts)");
console.log("Ctrl-C to stop.");

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
