import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noopAction } from "../../../shared/venues/hyperliquid/actions";
import { approveAgentAction, signUserSignedAction } from "../../../shared/venues/hyperliquid/user-signed";
import { PAPER_ACCOUNT, PAPER_ACCOUNT_KEY, PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, hip4Slice, nextNonce, order, postJson } from "./helpers";

const YES = 100_000_150;
const DAY = 86_400_000;
let sim: Simulator;

beforeAll(async () => {
  // A replay slowed so far down that the book holds still while the tests run.
  sim = await startSimulator({ recordings: [hip4Slice()], speed: 0.001, loop: false, alignExpiry: false });
});
afterAll(() => sim.close());

const bid = (cloid?: string) =>
  order({ asset: YES, isBuy: true, price: "0.9", size: "20", type: { limit: { tif: "Gtc" } }, ...(cloid ? { cloid } : {}) });

describe("signatures", () => {
  it("accepts an order signed by the paper account's approved agent", async () => {
    const cloid = "0x0000000000000000000000000000a001";
    const r = await exchange(sim, PAPER_AGENT_KEY, bid(cloid));
    expect(r.http).toBe(200);
    expect(r.body).toMatchObject({ status: "ok", response: { type: "order", data: { statuses: [{ resting: { cloid } }] } } });
  });

  it("accepts an order signed by the account itself", async () => {
    const r = await exchange(sim, PAPER_ACCOUNT_KEY, bid());
    expect(r.body).toMatchObject({ status: "ok", response: { type: "order", data: { statuses: [{ resting: {} }] } } });
  });

  it("answers a signature by an unknown key with the address it recovered, as the venue does", async () => {
    const key = generatePrivateKey();
    const stranger = privateKeyToAccount(key).address.toLowerCase();
    const r = await exchange(sim, key, bid());
    expect(r).toEqual({ http: 200, body: { status: "err", response: `User or API Wallet ${stranger} does not exist.` } });
  });

  it("recovers a stranger when the signed action is not the one sent", async () => {
    const nonce = nextNonce();
    const { signL1Action } = await import("../../../shared/venues/hyperliquid/signing");
    const signature = await signL1Action({ privateKey: PAPER_AGENT_KEY, action: bid(), nonce, isMainnet: true });
    const tampered = order({ asset: YES, isBuy: true, price: "0.91", size: "20", type: { limit: { tif: "Gtc" } } });
    const r = await postJson(`${sim.url}/exchange`, { action: tampered, nonce, signature, vaultAddress: null });
    expect(r.body).toMatchObject({ status: "err", response: expect.stringMatching(/^User or API Wallet 0x[0-9a-f]{40} does not exist\.$/) });
    expect(JSON.stringify(r.body)).not.toContain(PAPER_ACCOUNT);
  });
});

describe("nonces", () => {
  it("refuses a reused nonce", async () => {
    const nonce = nextNonce();
    expect((await exchange(sim, PAPER_AGENT_KEY, noopAction(), { nonce })).body).toEqual({ status: "ok", response: { type: "default" } });
    expect((await exchange(sim, PAPER_AGENT_KEY, noopAction(), { nonce })).body).toEqual({
      status: "err",
      response: `Invalid nonce: duplicate nonce ${nonce}`,
    });
  });

  it("refuses a nonce older than two days and one more than a day ahead", async () => {
    const old = Date.now() - 2 * DAY - 60_000;
    const r1 = await exchange(sim, PAPER_AGENT_KEY, noopAction(), { nonce: old });
    expect(r1.body).toMatchObject({ status: "err", response: expect.stringMatching(new RegExp(`^Invalid nonce: nonce too low ${old} < \\d+$`)) });
    const ahead = Date.now() + DAY + 60_000;
    const r2 = await exchange(sim, PAPER_AGENT_KEY, noopAction(), { nonce: ahead });
    expect(r2.body).toMatchObject({ status: "err", response: expect.stringMatching(new RegExp(`^Invalid nonce: nonce too high ${ahead} > \\d+$`)) });
  });

  it("refuses a nonce below the smallest of a signer's 100 highest, even if never used", async () => {
    // A fresh API wallet, approved by the account (user-signed approveAgent), keeps its own nonce set.
    const agentKey = generatePrivateKey();
    const agent = privateKeyToAccount(agentKey).address;
    const approveNonce = nextNonce();
    // Named, so it does not replace the account's unnamed agent (see the pruning test below).
    const built = approveAgentAction({ isMainnet: true, agentAddress: agent, agentName: "nonce-test", nonce: approveNonce });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const approve = built.value;
    const signature = await signUserSignedAction({ privateKey: PAPER_ACCOUNT_KEY, action: approve });
    const a = await postJson(`${sim.url}/exchange`, { action: approve, nonce: approveNonce, signature, vaultAddress: null });
    expect(a.body).toEqual({ status: "ok", response: { type: "default" } });

    const base = Date.now() + 3_600_000;
    for (let i = 0; i < 100; i++) {
      const r = await exchange(sim, agentKey, noopAction(), { nonce: base + 10 * i });
      expect(r.body).toEqual({ status: "ok", response: { type: "default" } });
    }
    const below = base - 5;
    expect((await exchange(sim, agentKey, noopAction(), { nonce: below })).body).toEqual({
      status: "err",
      response: `Invalid nonce: nonce too low ${below} < ${base}`,
    });
    // Between two kept nonces and never used: still fine.
    expect((await exchange(sim, agentKey, noopAction(), { nonce: base + 15 })).body).toEqual({ status: "ok", response: { type: "default" } });
    // The approved agent trades for the account.
    expect((await exchange(sim, agentKey, bid(), { nonce: base + 2_000 })).body).toMatchObject({ status: "ok" });
  });
});

describe("expiresAfter", () => {
  it("refuses an action whose expiresAfter has passed and accepts one still valid", async () => {
    const stale = await exchange(sim, PAPER_AGENT_KEY, noopAction(), { expiresAfter: Date.now() - 1_000 });
    expect(stale.body).toEqual({ status: "err", response: "Action already expired" });
    const fresh = await exchange(sim, PAPER_AGENT_KEY, noopAction(), { expiresAfter: Date.now() + 60_000 });
    expect(fresh.body).toEqual({ status: "ok", response: { type: "default" } });
  });
});

describe("approveAgent", () => {
  it("registering a new unnamed agent deregisters the previous unnamed one", async () => {
    const key = generatePrivateKey();
    const nonce = nextNonce();
    const built = approveAgentAction({ isMainnet: true, agentAddress: privateKeyToAccount(key).address, nonce });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const signature = await signUserSignedAction({ privateKey: PAPER_ACCOUNT_KEY, action: built.value });
    const a = await postJson(`${sim.url}/exchange`, { action: built.value, nonce, signature, vaultAddress: null });
    expect(a.body).toEqual({ status: "ok", response: { type: "default" } });
    expect((await exchange(sim, key, bid())).body).toMatchObject({ status: "ok" });
    const oldAgent = privateKeyToAccount(PAPER_AGENT_KEY).address.toLowerCase();
    expect((await exchange(sim, PAPER_AGENT_KEY, bid())).body).toEqual({ status: "err", response: `User or API Wallet ${oldAgent} does not exist.` });
  });

  it("is refused when its signer is no account (an approval must come from the account itself)", async () => {
    const nonce = nextNonce();
    const built = approveAgentAction({ isMainnet: true, agentAddress: privateKeyToAccount(generatePrivateKey()).address, agentName: "x", nonce });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const agentKey = generatePrivateKey();
    const signature = await signUserSignedAction({ privateKey: agentKey, action: built.value });
    const r = await postJson(`${sim.url}/exchange`, { action: built.value, nonce, signature, vaultAddress: null });
    expect(r.body).toEqual({ status: "err", response: `Must deposit before performing actions. User: ${privateKeyToAccount(agentKey).address.toLowerCase()}` });
  });
});
