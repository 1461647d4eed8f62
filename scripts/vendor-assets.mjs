#!/usr/bin/env node
/**
 * Copies the browser libraries the dashboard needs from node_modules into dashboard/vendor/, so
 * the api Worker serves them as static assets (no CDN: the page works offline and shows exactly
 * the version package.json pins). Run by the prestart/predev/predeploy hooks and by the
 * dashboard tests' setup; dashboard/vendor/ is git-ignored. Plain .mjs so it runs before
 * anything is compiled and on any Node the machine has.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** [source in node_modules, target under dashboard/vendor] */
const ASSETS = [["plotly.js-dist-min/plotly.min.js", "plotly.min.js"]];

const same = (a, b) => {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.size === sb.size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
};

for (const [from, to] of ASSETS) {
  const src = join(root, "node_modules", from);
  const dst = join(root, "dashboard", "vendor", to);
  try {
    statSync(src);
  } catch {
    console.error(`vendor-assets: ${relative(root, src)} is missing; run npm ci first`);
    process.exit(1);
  }
  if (same(src, dst)) continue;
  mkdirSync(dirname(dst), { recursive: true });
  copyFileSync(src, dst);
  console.log(`vendor-assets: ${relative(root, src)} -> ${relative(root, dst)}`);
}
