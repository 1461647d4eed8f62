/**
 * What a WebSocket close or a transport error means for the connection owner. workerd
 * synthesises 1005/1006/1015 locally (they cannot be echoed back), and "Network connection
 * lost" / "WebSocket peer disconnected" on a closing socket are teardown noise, not faults.
 */
export type CloseClass =
  | { kind: "normal" } // we closed it, or the venue said goodbye cleanly
  | { kind: "retry"; reason: string } // reconnect with backoff
  | { kind: "fatal"; reason: string }; // do not reconnect (policy/auth): operator must look

/** Close codes (RFC 6455 §7.4.1) the runtime produces itself and that must not be sent back. */
export function isReservedCloseCode(code: number): boolean {
  return code === 1005 || code === 1006 || code === 1015;
}

export function classifyClose(code: number, reason: string, closedByUs: boolean): CloseClass {
  if (closedByUs) return { kind: "normal" };
  // 1008 policy violation and 4001-4003 (conventional auth/forbidden codes) will not heal by retrying.
  if (code === 1008 || (code >= 4001 && code <= 4003)) return { kind: "fatal", reason: `close ${code} ${reason}`.trim() };
  return { kind: "retry", reason: `close ${code}${reason ? ` ${reason}` : ""}` };
}

const BENIGN = [/network connection lost/i, /websocket peer disconnected/i, /socket (is )?closed/i];

/** True for errors that only report a socket already going away. */
export function isBenignTeardownError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return BENIGN.some((re) => re.test(message));
}
