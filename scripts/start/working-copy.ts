/**
 * A copy of the working tree as a fresh clone would have it after `npm ci`: tracked and new
 * files, nothing git ignores (no .dev.vars, no .wrangler state), node_modules linked. The e2e
 * test runs `npm start` in one (a new user's first run); the tick-to-order bench runs `wrangler
 * dev` in one so that edits to the repository during a run do not reload the Workers under it.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export function workingCopy(repo: string, prefix: string): string {
  const to = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: repo, encoding: "utf8" })
    .split("\0")
    .filter((f) => f !== "");
  for (const f of files) {
    if (!existsSync(join(repo, f))) continue;
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(repo, f), join(to, f));
  }
  symlinkSync(join(repo, "node_modules"), join(to, "node_modules"), "dir");
  return to;
}
