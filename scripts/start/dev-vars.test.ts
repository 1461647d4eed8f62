import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureDevVars, parseDevVars } from "./dev-vars";

const KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const dirs: string[] = [];
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "hl-edge-devvars-"));
  dirs.push(dir);
  mkdirSync(join(dir, "workers", "signer"), { recursive: true });
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe(".dev.vars for npm start", () => {
  it("writes both files when missing: a random admin token and the paper agent key, readable by the owner only", () => {
    const root = fresh();
    const a = ensureDevVars(root, KEY);
    expect(a.created && a.signerCreated).toBe(true);
    expect(a.adminToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(parseDevVars(readFileSync(a.apiPath, "utf8"))).toEqual({ ADMIN_TOKEN: a.adminToken });
    expect(parseDevVars(readFileSync(a.signerPath, "utf8"))).toEqual({ HL_AGENT_KEY: KEY });
    expect(statSync(a.apiPath).mode & 0o077).toBe(0);
    const b = ensureDevVars(root, KEY);
    expect(b).toMatchObject({ adminToken: a.adminToken, created: false, signerCreated: false });
    expect(ensureDevVars(fresh(), KEY).adminToken).not.toBe(a.adminToken);
  });

  it("reads an existing file and never rewrites it", () => {
    const root = fresh();
    const text = '# mine\nexport ADMIN_TOKEN="s3cret value"\nOTHER=1 # note\n';
    writeFileSync(join(root, ".dev.vars"), text);
    expect(ensureDevVars(root, KEY)).toMatchObject({ adminToken: "s3cret value", created: false });
    expect(readFileSync(join(root, ".dev.vars"), "utf8")).toBe(text);
    expect(parseDevVars(text)).toEqual({ ADMIN_TOKEN: "s3cret value", OTHER: "1" });
  });

  it("refuses a .dev.vars without an admin token instead of guessing", () => {
    const root = fresh();
    writeFileSync(join(root, ".dev.vars"), "FOO=bar\n");
    expect(() => ensureDevVars(root, KEY)).toThrow(/ADMIN_TOKEN/);
  });
});
