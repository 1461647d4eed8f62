import { describe, expect, it } from "vitest";
import { DecisionsQuery, KillBody, MarketBody, marketRequest, parseRequest, ResumeBody, TimingsQuery } from "./schemas";

describe("admin request schemas", () => {
  it("accepts the markets npm start sets up and defaults the id to the market", () => {
    const mm = parseRequest(MarketBody, { market: "hl:#150", strategy: { kind: "mm" } });
    expect(mm.ok && marketRequest(mm.value)).toEqual({ id: "hl:#150", market: "hl:#150", strategy: { kind: "mm" } });
    const parity = parseRequest(MarketBody, { id: "hl:#150~parity", market: "hl:#150", strategy: { kind: "parity", perp: "BTC" }, enabled: false });
    expect(parity.ok && marketRequest(parity.value)).toEqual({ id: "hl:#150~parity", market: "hl:#150", strategy: { kind: "parity", perp: "BTC" }, enabled: false });
    expect(parseRequest(MarketBody, { market: "hl:rpl:ETH", strategy: { kind: "ofi", lead: "rpl:BTC" } }).ok).toBe(true);
  });

  it("names the field of every refusal", () => {
    expect(parseRequest(MarketBody, { market: "hl:#150", strategy: { kind: "fixed", halfSpread: 0.7 } })).toEqual({
      ok: false,
      error: { error: "invalid_request", issues: [{ path: "strategy.halfSpread", message: "Too big: expected number to be <0.5" }] },
    });
    const r = parseRequest(MarketBody, { market: "BTC", strategy: { kind: "ofi" }, colour: "red" });
    expect(r.ok ? [] : r.error.issues.map((i) => i.path).sort()).toEqual(["", "market"]);
    const kind = parseRequest(MarketBody, { market: "hl:BTC", strategy: { kind: "grid" } });
    expect(kind.ok ? [] : kind.error.issues.map((i) => i.path)).toEqual(["strategy.kind"]);
    expect(parseRequest(KillBody, { reason: "" }).ok).toBe(false);
    expect(parseRequest(ResumeBody, { resetPeak: "yes" })).toMatchObject({ ok: false, error: { issues: [{ path: "resetPeak" }] } });
  });

  it("reads the decision-log query from its string parameters", () => {
    expect(parseRequest(DecisionsQuery, { market: "hl:#150", since: "1778385608135", limit: "50" })).toEqual({
      ok: true,
      value: { market: "hl:#150", since: 1778385608135, limit: 50 },
    });
    expect(parseRequest(DecisionsQuery, { limit: "0" })).toMatchObject({ ok: false, error: { issues: [{ path: "limit" }] } });
    expect(parseRequest(DecisionsQuery, { limit: "1e3" })).toMatchObject({ ok: false, error: { issues: [{ path: "limit", message: "a whole number" }] } });
    expect(parseRequest(DecisionsQuery, { sort: "asc" })).toMatchObject({ ok: false });
    expect(parseRequest(TimingsQuery, { since: "12", limit: "5000" })).toEqual({ ok: true, value: { since: 12, limit: 5000 } });
    expect(parseRequest(TimingsQuery, { limit: "5001" })).toMatchObject({ ok: false, error: { issues: [{ path: "limit" }] } });
  });
});
