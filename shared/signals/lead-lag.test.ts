import { describe, expect, it } from "vitest";
import { LeadLag, type LeadLagConfig } from "./lead-lag";

describe("LeadLag", () => {
  const cfg: LeadLagConfig = { lead: "BTC", lag: "ETH", windowMs: 250, leadThresholdBps: 1, reflectedFraction: 0.5 };

  it("refuses to exist with lead = lag or a window of 300 ms or more", () => {
    expect(LeadLag.create({ ...cfg, lag: "BTC" })).toEqual({ ok: false, error: { kind: "same-symbol", symbol: "BTC" } });
    const w = LeadLag.create({ ...cfg, windowMs: 300 });
    expect(w.ok ? "ok" : w.error.kind).toBe("window");
    const z = LeadLag.create({ ...cfg, windowMs: 0 });
    expect(z.ok ? "ok" : z.error.kind).toBe("window");
    const t = LeadLag.create({ ...cfg, reflectedFraction: 0 });
    expect(t.ok ? "ok" : t.error.kind).toBe("threshold");
    expect(LeadLag.create({ ...cfg, windowMs: 299 }).ok).toBe(true);
  });

  it("signals the lead's direction until the lag follows", () => {
    const r = LeadLag.create(cfg);
    if (!r.ok) throw new Error("config");
    const ll = r.value;
    ll.onMid("BTC", 0, 100_000);
    ll.onMid("ETH", 0, 4000);
    expect(ll.value(0)).toBe(0);
    ll.onMid("BTC", 100, 100_020); // +2 bp
    expect(ll.value(100)).toBe(1);
    ll.onMid("ETH", 150, 4000.2); // +0.5 bp: under half of the lead's move
    expect(ll.value(150)).toBe(1);
    ll.onMid("ETH", 200, 4000.5); // +1.25 bp: followed
    expect(ll.value(200)).toBe(0);
    ll.onMid("BTC", 400, 99_990); // from 100_020 at t=100: -3 bp
    expect(ll.value(400)).toBe(-1);
    expect(ll.value(700)).toBe(0); // the move has left the window
    ll.onMid("SOL", 700, 1);
    expect(ll.value(700)).toBe(0);
  });
});
