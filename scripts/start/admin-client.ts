/** A small client of the bot's own admin API (what an operator would call with curl). */
export interface AdminClient {
  get(path: string): Promise<{ status: number; body: unknown }>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  patch(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export function adminClient(base: string, token: string): AdminClient {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: res.status, body: parsed };
  };
  return { get: (p) => call("GET", p), post: (p, b) => call("POST", p, b), patch: (p, b) => call("PATCH", p, b) };
}

/** Polls until `probe` is true or `ms` pass; returns whether it became true. */
export async function waitFor(probe: () => Promise<boolean>, ms: number, everyMs = 500): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await probe()) return true;
    } catch {
      // not up yet
    }
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
