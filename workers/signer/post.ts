/**
 * The one POST to the venue's /exchange. Exactly one attempt: on timeout the request is
 * aborted and reported, and nothing is ever sent after that report (no retries here; the
 * RiskDO resolves an ambiguous outcome by asking the venue, and `expiresAfter` makes the venue
 * drop an action that arrives too late).
 */
import type { HttpOutcome } from "../../shared/runtime/account/exchange-results";

export async function postExchange(apiUrl: string, body: unknown, timeoutMs: number): Promise<HttpOutcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(`${apiUrl.replace(/\/+$/, "")}/exchange`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: abort.signal,
    });
    // Reading the body is part of the answer: a body cut off by the timeout is no answer.
    const text = await res.text();
    return { kind: "answered", status: res.status, body: text };
  } catch (e) {
    if (abort.signal.aborted) return { kind: "timeout" };
    return { kind: "network", message: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}
