/**
 * The signer Worker has no public route (SPEC §1): its config declares no route and no
 * workers.dev or preview URL, its own fetch handler and its entrypoint's fetch answer 404 and
 * post nothing, and no path of the api Worker reaches it. Only the service binding's RPC does.
 */
import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, it } from "vitest";
import signerToml from "../../workers/signer/wrangler.toml?raw";
import signerWorker, { type SignerEnv } from "../../workers/signer/index";
import { reset, sim, simGet } from "./account-fixtures";

const exchangeCount = async (): Promise<number> => ((await simGet("/control/state")) as { requests: { exchange: number } }).requests.exchange;

beforeAll(async () => {
  await reset();
});

describe("signer Worker has no public route", () => {
  it("its config has no route, no workers.dev URL and no preview URL", () => {
    const keys = signerToml
      .split("\n")
      .map((l) => l.replace(/#.*/, "").trim())
      .filter((l) => l.length > 0);
    expect(keys).toContain("workers_dev = false");
    expect(keys).toContain("preview_urls = false");
    expect(keys.some((l) => /^(route|routes)\s*=|^\[\[?routes?\]?\]/.test(l))).toBe(false);
  });

  it("its default fetch handler answers 404 to anything, and nothing is posted", async () => {
    const before = await exchangeCount();
    for (const [method, path] of [["POST", "/exchange"], ["POST", "/"], ["GET", "/placeOrders"]] as const) {
      const fetchHandler = signerWorker.fetch as ExportedHandlerFetchHandler<SignerEnv>;
      const res = await fetchHandler(new Request(`https://signer.example${path}`, { method, body: method === "POST" ? "{}" : null }), { HL_API_URL: sim().url, HL_NETWORK: "mainnet", HL_AGENT_KEY: sim().agentKey }, createExecutionContext());
      expect(res.status).toBe(404);
    }
    expect(await exchangeCount()).toBe(before);
  });

  it("through the binding, HTTP answers 404 while the RPC methods work", async () => {
    const before = await exchangeCount();
    const res = await env.SIGNER.fetch("https://signer.example/exchange", { method: "POST", body: JSON.stringify({ action: { type: "noop" }, nonce: 1 }) });
    expect(res.status).toBe(404);
    expect(await exchangeCount()).toBe(before);
    expect(await env.SIGNER.address()).toBe(privateKeyToAccount(sim().agentKey as `0x${string}`).address.toLowerCase());
  });

  it("no path of the api Worker reaches it", async () => {
    const before = await exchangeCount();
    const paths = ["/exchange", "/signer", "/signer/placeOrders", "/Signer/placeOrders", "/api/signer", "/admin/signer", "/placeOrders", "/cancelByCloid"];
    for (const path of paths) {
      for (const method of ["GET", "POST"]) {
        const res = await exports.default.fetch(`http://local${path}`, { method, headers: { "content-type": "application/json", authorization: "Bearer test-admin-token" }, ...(method === "POST" ? { body: "{}" } : {}) });
        expect([path, method, res.status >= 400]).toEqual([path, method, true]);
        await res.body?.cancel();
      }
    }
    expect(await exchangeCount()).toBe(before);
  });
});
