import { describe, expect, it } from "vitest";
import { backoffDelayMs, VENUE_BACKOFF } from "./backoff";

describe("backoffDelayMs", () => {
  it("grows exponentially up to the cap, with full jitter and a floor", () => {
    expect(backoffDelayMs(0, VENUE_BACKOFF, () => 0.999)).toBe(499);
    expect(backoffDelayMs(3, VENUE_BACKOFF, () => 0.999)).toBe(3_996);
    expect(backoffDelayMs(40, VENUE_BACKOFF, () => 0.999)).toBe(29_970);
    expect(backoffDelayMs(5, VENUE_BACKOFF, () => 0)).toBe(VENUE_BACKOFF.minMs);
  });
});
