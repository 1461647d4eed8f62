import { describe, expect, it } from "vitest";
import { classifyClose, isBenignTeardownError, isReservedCloseCode } from "./transport-errors";

describe("transport errors", () => {
  it("never echoes the runtime's synthetic close codes", () => {
    expect([1005, 1006, 1015].every(isReservedCloseCode)).toBe(true);
    expect(isReservedCloseCode(1000)).toBe(false);
  });

  it("retries venue closes, stops on policy closes, ignores our own", () => {
    expect(classifyClose(1006, "", false)).toEqual({ kind: "retry", reason: "close 1006" });
    expect(classifyClose(1008, "banned", false)).toEqual({ kind: "fatal", reason: "close 1008 banned" });
    expect(classifyClose(1000, "bye", true)).toEqual({ kind: "normal" });
  });

  it("recognises teardown noise", () => {
    expect(isBenignTeardownError(new Error("Network connection lost."))).toBe(true);
    expect(isBenignTeardownError(new Error("WebSocket peer disconnected"))).toBe(true);
    expect(isBenignTeardownError(new Error("invalid frame"))).toBe(false);
  });
});
