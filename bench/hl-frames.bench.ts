/**
 * Receive path cost: one Hyperliquid WebSocket text frame -> parser -> frameToEvents, on real
 * recorded frames, through parseWsFrame (the single-pass decoder for l2Book/bbo/trades, zod
 * behind it) and through the JSON.parse + zod path alone (parseWsFrameWithSchema). zod 4
 * compiles object parsers with `new Function` where it may (Node) and falls back to its
 * interpreter where it may not (workerd); the fallback is measured in a child process with
 * zod's `jitless` set before any schema exists (it is read at schema creation), and the jit
 * zod rows in another child. `npm run bench -- hl-frames`.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, printTable, type BenchContext, type Sample } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const DATA = resolve(here, "..", "data", "hyperliquid");
const CHILD_FLAG = "--zod-child";

interface Inputs {
  name: string;
  frames: string[];
}

function inputs(): Inputs[] {
  const raws = readFileSync(join(DATA, "archive-2024-01-01-h12", "BTC.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { raw: { channel: string; data: { levels: unknown[][] } } }).raw);
  // What a `fast: true` subscription sends: the same snapshot cut to the top 5 levels per side.
  const top5 = raws.map((r) => ({ ...r, data: { ...r.data, levels: r.data.levels.map((side) => side.slice(0, 5)), fast: true } }));
  const tardis = JSON.parse(readFileSync(join(DATA, "api-samples", "tardis_node_test_samples", "map_hyperliquid_messages.json"), "utf8")) as { channel: string }[];
  return [
    { name: "l2Book 20x20 (archive hour)", frames: raws.map((r) => JSON.stringify(r)) },
    { name: "l2Book 5x5 (archive cut to fast)", frames: top5.map((r) => JSON.stringify(r)) },
    { name: "bbo (tardis)", frames: tardis.filter((f) => f.channel === "bbo").map((f) => JSON.stringify(f)) },
    { name: "trades (tardis)", frames: tardis.filter((f) => f.channel === "trades").map((f) => JSON.stringify(f)) },
  ];
}

type Parser = "hot" | "zod";

/**
 * Each parser is measured in a process of its own: the events code would otherwise see both
 * parsers' objects and its inline caches would go polymorphic, which no deployment sees.
 */
async function measureAll(parser: Parser, label: string): Promise<Sample[]> {
  const { parseWsFrame, parseWsFrameWithSchema, frameToEvents } = await import("../shared/venues/hyperliquid/ws-frames");
  const parse = parser === "hot" ? parseWsFrame : parseWsFrameWithSchema;
  const rowName = parser === "hot" ? "hot decoder + events" : "JSON+zod + events";
  const rows: Sample[] = [];
  for (const { name, frames } of inputs()) {
    const n = frames.length;
    rows.push(
      measure(`${name}: ${rowName} (${label})`, (i) => {
        const r = parse(frames[i % n] ?? "");
        return r.ok ? frameToEvents(r.value) : r;
      }, { samples: 400, batch: 20 }),
    );
    if (parser === "hot") rows.push(measure(`${name}: JSON.parse only`, (i) => JSON.parse(frames[i % n] ?? "{}"), { samples: 400, batch: 20 }));
  }
  return rows;
}

const childAt = process.argv.indexOf(CHILD_FLAG);
if (childAt >= 0) {
  const jitless = process.argv[childAt + 1] === "jitless";
  if (jitless) {
    const z = await import("zod");
    z.config({ jitless: true });
  }
  process.stdout.write(JSON.stringify(await measureAll("zod", jitless ? "jitless, as workerd" : "jit")));
}

function zodRowsInChild(mode: "jit" | "jitless"): Sample[] {
  const tsx = resolve(here, "..", "node_modules", ".bin", "tsx");
  const out = execFileSync(tsx, [fileURLToPath(import.meta.url), CHILD_FLAG, mode], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out) as Sample[];
}

export default async function bench(ctx: BenchContext): Promise<void> {
  // The hot decoder never reaches zod on these frames, so jit or jitless does not change it.
  const hot = await measureAll("hot", "jit or jitless");
  const rows = [...hot, ...zodRowsInChild("jit"), ...zodRowsInChild("jitless")].sort((a, b) => a.name.localeCompare(b.name));
  printTable("Hyperliquid WS frame -> normalised events, median per frame", rows);
  ctx.record("hl-frames", rows);
}
