/**
 * The admin API from the browser: the ADMIN_TOKEN is entered once, kept in sessionStorage (gone
 * when the tab closes, never in localStorage or a cookie) and sent as `Authorization: Bearer`.
 * Every answer comes back as a value — status, parsed body and a sentence a person can act on —
 * and a 401 locks the token until it is entered again, so a wrong token is not retried every
 * second.
 */

const KEY = "hl-edge.adminToken";

export class AdminClient {
  constructor() {
    this.token = readStored();
    /** "none" | "unchecked" | "ok" | "refused" */
    this.status = this.token === null ? "none" : "unchecked";
    this.lastProblem = null;
    this.listeners = [];
  }

  onChange(f) {
    this.listeners.push(f);
  }

  changed() {
    for (const f of this.listeners) f();
  }

  get usable() {
    return this.token !== null && this.status !== "refused";
  }

  setToken(token) {
    const t = token.trim();
    this.token = t === "" ? null : t;
    try {
      if (this.token === null) sessionStorage.removeItem(KEY);
      else sessionStorage.setItem(KEY, this.token);
    } catch {
      // storage disabled: the token lives for this page only
    }
    this.status = this.token === null ? "none" : "unchecked";
    this.lastProblem = null;
    this.changed();
  }

  /**
   * One call. Never throws.
   * @returns {Promise<{ok: boolean, status: number, body: unknown, message: string}>}
   */
  async call(method, path, body) {
    if (this.token === null) return { ok: false, status: 0, body: null, message: "no admin token entered" };
    let res;
    try {
      res = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: "no-store",
      });
    } catch (e) {
      return { ok: false, status: 0, body: null, message: `network error: ${e instanceof Error ? e.message : String(e)}` };
    }
    const text = await res.text().catch(() => "");
    let parsed = text;
    try {
      parsed = text === "" ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    const answer = { ok: res.ok, status: res.status, body: parsed, message: explain(res.status, parsed) };
    if (res.status === 401 && this.status !== "refused") {
      this.status = "refused";
      this.lastProblem = answer.message;
      this.changed();
    } else if (res.ok && this.status !== "ok") {
      this.status = "ok";
      this.lastProblem = null;
      this.changed();
    }
    return answer;
  }

  get(path) {
    return this.call("GET", path);
  }

  post(path, body) {
    return this.call("POST", path, body);
  }
}

/** What an admin answer means, for a person. */
export function explain(status, body) {
  const b = typeof body === "object" && body !== null ? body : {};
  const detail = typeof b.message === "string" ? b.message : "";
  switch (status) {
    case 200:
    case 201:
      return "done";
    case 401:
      return `401 Unauthorized: the admin token was refused${detail ? ` (${detail})` : ""}. Enter the ADMIN_TOKEN of this deployment: npm start prints it and keeps it in .dev.vars; a deployed Worker has it as the ADMIN_TOKEN secret.`;
    case 503:
      return "503: the admin API is disabled because the Worker has no ADMIN_TOKEN secret (wrangler secret put ADMIN_TOKEN, or .dev.vars locally).";
    case 409:
      return `409 refused by the risk engine: ${JSON.stringify(b.detail ?? b)}`;
    case 400:
      return `400 invalid request: ${Array.isArray(b.issues) ? b.issues.map((i) => `${i.path || "body"}: ${i.message}`).join("; ") : JSON.stringify(b)}`;
    case 404:
      return "404: not found (this deployment has no such route or market)";
    case 502:
      return `502: a Durable Object behind the API failed${detail ? `: ${detail}` : ""}`;
    default:
      return `HTTP ${status}${detail ? `: ${detail}` : ""}`;
  }
}

function readStored() {
  try {
    const t = sessionStorage.getItem(KEY);
    return t === null || t === "" ? null : t;
  } catch {
    return null;
  }
}
