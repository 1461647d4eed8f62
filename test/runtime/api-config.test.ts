/**
 * Config through the admin API (SPEC §16): get, validate, update with hot reload. A bad value is
 * refused with the field and the reason and the running config stays; a good one reaches the
 * running market without a restart (its learned state and its feed kept).
 */
import { describe, expect, it } from "vitest";
import { BOT_DEFAULTS, type BotConfig } from "../../shared/config";
import { admin, marketStatus, until, withSyncedMmMarket } from "./e2e-helpers";

const ID = "hl:#150";
interface Issues {
  error: string;
  issues: { path: string; message: string }[];
}
const config = async (): Promise<BotConfig> => (await admin<BotConfig>("GET", "/admin/config")).body;
const params = async () => (await admin<{ params: { mm: { gamma: number; tick: string } } }>("GET", `/admin/markets/${encodeURIComponent(ID)}`)).body.params;

withSyncedMmMarket(ID);

describe("config through the admin API", () => {
  it("starts from the SPEC defaults", async () => {
    const c = await config();
    expect(c.strategies.mm.gamma).toBe(BOT_DEFAULTS.strategies.mm.gamma);
    expect(c.risk).toEqual(BOT_DEFAULTS.risk);
  });

  it("refuses a bad value with the field and the reason, on validate and on update, and keeps the running config", async () => {
    const before = await config();
    for (const [method, path] of [
      ["POST", "/admin/config/validate"],
      ["PATCH", "/admin/config"],
    ] as const) {
      const neg = await admin<Issues>(method, path, { strategies: { mm: { gamma: -1 } } });
      expect([neg.status, neg.body]).toEqual([400, { error: "invalid_request", issues: [{ path: "strategies.mm.gamma", message: "Too small: expected number to be >0" }] }]);
      const typo = await admin<Issues>(method, path, { risk: { max_drawdown: 100 } });
      expect(typo.status).toBe(400);
      expect(typo.body.issues.map((i) => i.path)).toEqual(["risk"]);
      expect(typo.body.issues[0]?.message).toContain("max_drawdown");
      const cross = await admin<Issues>(method, path, { risk: { max_order_notional_usd: 20_000 } });
      expect(cross.body.issues).toEqual([{ path: "risk.max_order_notional_usd", message: "must not exceed max_gross_notional_usd" }]);
      // Valid for the schema, but not a tick the market's instrument (1e-5) can quote on.
      const tick = await admin<Issues>(method, path, { markets: { [ID]: { mm: { tick: "0.000001" } } } });
      expect(tick.status).toBe(400);
      expect(tick.body.issues[0]?.path).toBe(`markets.${ID}`);
      expect(tick.body.issues[0]?.message).toContain("tick");
    }
    expect(await config()).toEqual(before);
    expect((await params()).mm.tick).toBe(BOT_DEFAULTS.strategies.mm.tick);
  });

  it("validates without applying, then hot-reloads an update into the running market", async () => {
    const ok = await admin<{ ok: boolean; config: BotConfig }>("POST", "/admin/config/validate", { markets: { [ID]: { mm: { gamma: 2 } } } });
    expect(ok.status).toBe(200);
    expect(ok.body.config.markets[ID]?.mm?.gamma).toBe(2);
    expect((await config()).markets[ID]).toBeUndefined();

    const before = await marketStatus(ID);
    const r = await admin<{ ok: boolean; config: BotConfig }>("PATCH", "/admin/config", { markets: { [ID]: { mm: { gamma: 2 } } } });
    expect(r.status).toBe(200);
    expect((await config()).markets[ID]?.mm?.gamma).toBe(2);
    await until("the market runs with the new gamma", params, (p) => p.mm.gamma === 2, 30_000);
    const after = await marketStatus(ID);
    expect(after.lastDecisionSeq).toBeGreaterThanOrEqual(before.lastDecisionSeq);
    expect(after.feed.resyncs).toBe(before.feed.resyncs);
    expect(after.feed.phase).toBe("up");
  });
});
