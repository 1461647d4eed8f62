import { describe, expect, it } from "vitest";
import type { MarkEvent } from "../../shared/events";
import { outcomeExpiryMs } from "../../shared/runtime/market/setup";
import { binarySettlement, formatExpiry, outcomeForPass, withExpiry } from "./outcomes";
import { loadRecording } from "./recordings";

const mark = (ts: number, px: string): MarkEvent => ({ kind: "mark", venue: "hl", coin: "BTC", ts, px });

describe("expiry text", () => {
  it("reads and prints the venue's YYYYMMDD-HHMM (UTC)", () => {
    const ms = outcomeExpiryMs("20260510-0600");
    expect(ms).toBe(Date.UTC(2026, 4, 10, 6, 0));
    expect(formatExpiry(ms!)).toBe("20260510-0600");
    expect(outcomeExpiryMs("2026-05-10")).toBeNull();
    expect(withExpiry("class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d", "20261121-0745")).toBe(
      "class:priceBinary|underlying:BTC|expiry:20261121-0745|targetPrice:80354|period:1d",
    );
  });
});

describe("binary settlement", () => {
  it("interpolates the marks around the expiry, exactly", () => {
    // 80000 at t=0, 80400 at t=1000: at t=500 the mark is 80200.
    const marks = [mark(0, "80000"), mark(1000, "80400")];
    expect(binarySettlement(marks, 500, "80200")).toBe("1");
    expect(binarySettlement(marks, 500, "80200.5")).toBe("0");
    expect(binarySettlement(marks, 499, "80200")).toBe("0");
  });

  it("uses the last mark when the recording ends before the expiry", () => {
    expect(binarySettlement([mark(0, "80658")], 10, "80354")).toBe("1");
    expect(binarySettlement([], 10, "80354")).toBeNull();
  });
});

describe("the recorded HIP-4 outcome", () => {
  it("is outcome 15, a BTC priceBinary on 80354 that settles Yes on the recorded marks", async () => {
    const rec = loadRecording("hip4-2026-05-10");
    expect(rec.outcomes).toEqual([
      {
        outcome: 15,
        name: "Recurring",
        sideNames: ["Yes", "No"],
        description: "class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d",
        question: {
          id: 1000015,
          name: "Recurring",
          description: "class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d",
        },
      },
    ]);
    for (let i = 1; i < rec.events.length; i++) expect(rec.events[i]!.ts).toBeGreaterThanOrEqual(rec.events[i - 1]!.ts);
    const o = rec.outcomes[0]!;
    // Pass 2 of a replay started at 2026-11-21 10:00:00 UTC at speed 4.
    const simStart = Date.UTC(2026, 10, 21, 10, 0);
    const def = outcomeForPass(o, 2, (r) => simStart + (r - rec.start) / 4, rec.marks, "USDC");
    expect(def.ok).toBe(true);
    if (!def.ok) return;
    expect(def.value.outcome).toBe(17);
    expect(def.value.question?.id).toBe(1000017);
    expect(def.value.settleFraction).toBe("1");
    // 2 h less 39 ms of recording at speed 4 is 29 min 59.99 s.
    expect(def.value.description).toBe("class:priceBinary|underlying:BTC|expiry:20261121-1029|targetPrice:80354|period:1d");
  });
});
