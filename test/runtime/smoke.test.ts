import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("api Worker", () => {
  it("answers /api/status through RiskDO", async () => {
    const res = await exports.default.fetch("http://local/api/status");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { network: string; risk: { state: string } };
    expect(body.network).toBe("mainnet");
    expect(["ACTIVE", "REDUCING", "HALTED"]).toContain(body.risk.state);
  });

  it("reaches the signer only by its service binding", async () => {
    const health = await env.SIGNER.health();
    expect(health).toEqual({ network: "mainnet", hasKey: true });
  });
});
