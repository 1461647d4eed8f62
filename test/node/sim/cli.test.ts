import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PAPER_ACCOUNT } from "../../../scripts/sim/paper";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

describe("npm run sim", () => {
  it("prints what it serves, answers on it, and stops on Ctrl-C", async () => {
    // Its own process group, so the test can send SIGINT the way a terminal's Ctrl-C does.
    const child = spawn("npm", ["run", "--silent", "sim", "--", "--port", "0", "--speed", "2"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    let url: string | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no banner: ${out}`)), 45_000);
        child.stdout.on("data", () => {
          if (out.includes("Ctrl-C to stop.")) {
            clearTimeout(t);
            resolve();
          }
        });
      });
      url = /REST\s+(http:\/\/127\.0\.0\.1:\d+)\/info/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(out).toMatch(/WS\s+ws:\/\/127\.0\.0\.1:\d+\/ws/);
      expect(out).toMatch(/port\s+\d+/);
      expect(out).toContain("recording hip4-2026-05-10:");
      expect(out).toContain("speed    2x");
      expect(out).toContain(`account  ${PAPER_ACCOUNT}`);
      const meta = await fetch(`${url}/info`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"type":"outcomeMeta"}' });
      expect(await meta.json()).toMatchObject({ outcomes: [{ outcome: 15, sideSpecs: [{ name: "Yes" }, { name: "No" }] }] });
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGINT");
    }
    // npm itself dies of the SIGINT like in a terminal; the simulator shuts down cleanly.
    const end = await exited;
    expect(end.code === 0 || end.signal === "SIGINT").toBe(true);
    await expect.poll(() => out, { timeout: 10_000 }).toContain("SIGINT: stopping");
    await expect.poll(async () => fetch(`${url}/info`, { method: "POST", body: "{}" }).then(() => "up", () => "down"), { timeout: 10_000 }).toBe("down");
  });
});
