import { describe, expect, it } from "vitest";
import { fillRates, recordOrderOutcome } from "./fill-rate";

describe("fill rate per tactic", () => {
  it("counts orders that traded and size that filled, per tactic", () => {
    let b = recordOrderOutcome({}, "post_only", 10, 0);
    b = recordOrderOutcome(b, "post_only", 10, 4);
    b = recordOrderOutcome(b, "post_only", 20, 20);
    b = recordOrderOutcome(b, "ioc", 5, 5);
    expect(fillRates(b, "post_only")).toEqual({ orderRate: 2 / 3, sizeRate: 24 / 40 });
    expect(b.post_only).toMatchObject({ posted: 3, traded: 2, completed: 1 });
    expect(fillRates(b, "ioc")).toEqual({ orderRate: 1, sizeRate: 1 });
    expect(fillRates(b, "gtc")).toBeNull();
  });

  it("never counts more filled than posted", () => {
    const b = recordOrderOutcome({}, "ioc", 5, 9);
    expect(fillRates(b, "ioc")).toEqual({ orderRate: 1, sizeRate: 1 });
  });
});
