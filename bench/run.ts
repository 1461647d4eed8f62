/**
 * `npm run bench [-- <name filter>]`: runs every bench/*.bench.ts in one process, one after
 * another, and writes all figures to reports/bench.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchModule, Sample } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filter === undefined || f.includes(filter))
  .sort();

const results: Record<string, { rows: Sample[]; extra?: Record<string, unknown> }> = {};
console.log(`node ${process.version}, ${process.arch}; benches: ${files.join(", ")}`);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as BenchModule;
  await mod.default({
    record(section, rows, extra) {
      results[section] = extra === undefined ? { rows } : { rows, extra };
    },
  });
}
mkdirSync(join(here, "..", "reports"), { recursive: true });
writeFileSync(join(here, "..", "reports", "bench.json"), JSON.stringify(results, null, 2) + "\n");
console.log("\nwritten: reports/bench.json");
