/**
 * The admin API's door (SPEC §13): a bearer token compared in constant time, every route refused
 * without it, nothing at all when the secret is unset, and bad bodies refused naming the field.
 * The signer Worker has no public route: nothing on the api Worker reaches it.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import worker from "../../workers/api/index";

const TOKEN = "test-admin-token";

const ROUTES: [string, string][] = [
  ["GET", "/admin/health"],
  ["GET", "/admin/status"],
  ["GET", "/admin/markets"],
  ["POST", "/admin/markets"],
  ["GET", "/admin/markets/hl:%23150"],
  ["POST", "/admin/markets/hl:%23150/enable"],
  ["POST", "/admin/markets/hl:%23150/disable"],
  ["GET", "/admin/config"],
  ["POST", "/admin/config/validate"],
  ["PATCH", "/admin/config"],
  ["POST", "/admin/kill"],
  ["POST", "/admin/resume"],
  ["POST", "/admin/cancel-all"],
  ["POST", "/admin/flatten"],
  ["GET", "/admin/positions"],
  ["GET", "/admin/orders"],
  ["GET", "/admin/pnl"],
  ["GET", "/admin/decisions"],
  ["GET", "/admin/markets/hl:%23150/timings"],
  ["GET", "/admin/captures"],
];

const call = (method: string, path: string, init: { token?: string; auth?: string; body?: string } = {}) => {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.auth !== undefined) headers["authorization"] = init.auth;
  else if (init.token !== undefined) headers["authorization"] = `Bearer ${init.token}`;
  return exports.default.fetch(`http://local${path}`, { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) });
};

beforeAll(async () => {
  await fetch(`${inject("sim").url}/control/reset`, { method: "POST" });
});

describe("admin authentication", () => {
  it("answers 401 to a missing, malformed or wrong token on every admin route", async () => {
    for (const [method, path] of ROUTES) {
      for (const init of [{}, { auth: `Basic ${btoa(`admin:${TOKEN}`)}` }, { token: "test-admin-tokeN" }, { token: `${TOKEN}x` }, { token: "t" }]) {
        const res = await call(method, path, { ...init, body: method === "GET" ? undefined : "{}" });
        expect([method, path, res.status]).toEqual([method, path, 401]);
        expect(res.headers.get("www-authenticate")).toContain("Bearer");
        expect(await res.json()).toMatchObject({ error: "unauthorized" });
      }
    }
  });

  it("lets the right token through", async () => {
    const res = await call("GET", "/admin/health", { token: TOKEN });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, network: "mainnet" });
  });

  it("refuses everything when ADMIN_TOKEN is unset, even a request that brings a token", async () => {
    const unset = { ...env, ADMIN_TOKEN: undefined };
    for (const token of [undefined, "", TOKEN]) {
      const ctx = createExecutionContext();
      const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
      const res = await worker.fetch(new Request("http://local/admin/health", { headers }), unset, ctx);
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: "admin_disabled" });
    }
  });
});

describe("admin input validation", () => {
  const issues = async (res: Response) => {
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toBe("invalid_request");
    return body.issues;
  };

  it("answers 400 naming the field", async () => {
    expect((await issues(await call("POST", "/admin/markets", { token: TOKEN, body: '{"market":"hl:#150","strategy":{"kind":"fixed","halfSpread":2}}' }))).map((i) => i.path)).toEqual([
      "strategy.halfSpread",
    ]);
    expect((await issues(await call("POST", "/admin/markets", { token: TOKEN, body: '{"market":"BTC","strategy":{"kind":"mm"}}' }))).map((i) => i.path)).toEqual(["market"]);
    expect((await issues(await call("POST", "/admin/kill", { token: TOKEN, body: '{"reason":5}' }))).map((i) => i.path)).toEqual(["reason"]);
    expect((await issues(await call("POST", "/admin/resume", { token: TOKEN, body: '{"resetPeak":"yes"}' }))).map((i) => i.path)).toEqual(["resetPeak"]);
    expect((await issues(await call("POST", "/admin/flatten", { token: TOKEN, body: '{"why":"x"}' }))).map((i) => i.path)).toEqual([""]);
    expect((await issues(await call("GET", "/admin/decisions?limit=0", { token: TOKEN }))).map((i) => i.path)).toEqual(["limit"]);
    expect((await issues(await call("PATCH", "/admin/config", { token: TOKEN, body: "[1,2]" }))).map((i) => i.path)).toEqual([""]);
    expect(await issues(await call("POST", "/admin/kill", { token: TOKEN, body: "{not json" }))).toEqual([{ path: "", message: "body is not JSON" }]);
  });

  it("answers 404 for a market that was never configured", async () => {
    const res = await call("POST", "/admin/markets/hl:%23999/enable", { token: TOKEN });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not_found", market: "hl:#999" });
  });
});

describe("the signer has no public route", () => {
  it("nothing on the api Worker reaches it, and its own fetch answers 404", async () => {
    for (const path of ["/signer", "/sign", "/exchange", "/admin/sign", "/admin/signer/placeOrders"]) {
      const res = await call("POST", path, { token: TOKEN, body: "{}" });
      expect([path, res.status]).toEqual([path, 404]);
    }
    expect((await env.SIGNER.fetch("http://signer/")).status).toBe(404);
    expect((await env.SIGNER.fetch("http://signer/exchange", { method: "POST", body: "{}" })).status).toBe(404);
  });
});
