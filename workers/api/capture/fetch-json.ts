/**
 * The capture's `fetchJson` in the Worker: one HTTP request with a timeout, its JSON or the
 * reason there is none (network error, timeout, HTTP status with the start of the body, a body
 * that is not JSON). Never throws, so every failure lands in the run's status by request.
 */
import type { FetchJson } from "../../../shared/capture";

const excerpt = (s: string): string => (s.length > 160 ? `${s.slice(0, 160)}…` : s);

export function fetchJsonWithTimeout(timeoutMs: number): FetchJson {
  return async (req) => {
    let text: string;
    try {
      const res = await fetch(req.url, {
        method: req.method,
        headers: req.body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
      if (!res.ok) return { ok: false, error: `HTTP ${res.status}${text === "" ? "" : `: ${excerpt(text)}`}` };
    } catch (e) {
      const name = e instanceof Error ? e.name : "";
      return { ok: false, error: name === "TimeoutError" || name === "AbortError" ? `no answer within ${timeoutMs} ms` : `network: ${e instanceof Error ? e.message : String(e)}` };
    }
    try {
      return { ok: true, json: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, error: `not JSON: ${excerpt(text)}` };
    }
  };
}
