import { describe, expect, it } from "vitest";
import { VolRegime, checkVolRegimeConfig } from "./volatility";

const cfg = { lowBelow: 0.3, highAbove: 0.9, hysteresis: 0.1 };

describe("VolRegime", () => {
  it("buckets σ into low / normal / high with a band around each boundary", () => {
    const r = new VolRegime(cfg);
    expect(r.update(0, 0.5)).toBe("normal");
    expect(r.update(1, 0.95)).toBe("normal"); // inside 0.81..0.99
    expect(r.update(2, 1.0)).toBe("high");
    expect(r.update(3, 0.85)).toBe("high");
    expect(r.update(4, 0.8)).toBe("normal");
    expect(r.update(5, 0.28)).toBe("normal"); // inside 0.27..0.33
    expect(r.update(6, 0.26)).toBe("low");
    expect(r.update(7, 0.32)).toBe("low");
    expect(r.update(8, 0.34)).toBe("normal");
    expect(r.update(9, Number.NaN)).toBe("normal");
    expect(r.switches).toBe(4);
  });

  it("refuses overlapping bands", () => {
    expect(checkVolRegimeConfig(cfg).ok).toBe(true);
    expect(checkVolRegimeConfig({ lowBelow: 0.5, highAbove: 0.55, hysteresis: 0.1 }).ok).toBe(false);
    expect(checkVolRegimeConfig({ ...cfg, hysteresis: 1 }).ok).toBe(false);
  });
});
