import { describe, expect, it } from "vitest";
import { BOT_DEFAULTS } from "../../config";
import { parseConfigOverride } from "./config-override";

describe("BOT_CONFIG override", () => {
  it("is the SPEC defaults when unset or blank", () => {
    expect(parseConfigOverride(undefined)).toEqual({ ok: true, value: BOT_DEFAULTS });
    expect(parseConfigOverride("  ")).toEqual({ ok: true, value: BOT_DEFAULTS });
  });

  it("overrides any subset, per market too", () => {
    const r = parseConfigOverride('{"risk":{"max_drawdown_usd":250},"markets":{"hl:#150":{"mm":{"gamma":2}}}}');
    expect(r.ok && r.value.risk.max_drawdown_usd).toBe(250);
    expect(r.ok && r.value.risk.max_open_orders_per_market).toBe(BOT_DEFAULTS.risk.max_open_orders_per_market);
    expect(r.ok && r.value.markets["hl:#150"]?.mm?.gamma).toBe(2);
  });

  it("refuses with the field and the reason", () => {
    expect(parseConfigOverride("{risk:1}")).toMatchObject({ ok: false, error: [{ path: "BOT_CONFIG" }] });
    expect(parseConfigOverride("[1]")).toEqual({ ok: false, error: [{ path: "BOT_CONFIG", message: "must be a JSON object" }] });
    const bad = parseConfigOverride('{"strategies":{"mm":{"gamma":-1}}}');
    expect(bad.ok ? [] : bad.error.map((i) => i.path)).toEqual(["strategies.mm.gamma"]);
    const typo = parseConfigOverride('{"risk":{"max_drawdown":1}}');
    expect(typo.ok ? [] : typo.error.map((i) => i.path)).toEqual(["risk"]);
  });
});
