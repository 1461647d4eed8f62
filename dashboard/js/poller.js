/**
 * With the admin token, the detail the public stream does not carry (durable-objects/README.md):
 * each market's snapshot every second (top-of-book levels, signals, regimes, the strategy's
 * inputs), the risk decisions and order acks (stage timestamps) every two seconds, decisions
 * with the outcome's expiry and strike until they are known (the stream carries them now), the
 * PnL history of the last 24 h (seeds the PnL line), the bot config and the venue. One
 * request per task at a time; nothing runs without a usable token; a new token is tried with
 * /admin/health alone first, and a 401 stops everything until a new token is entered (admin.js).
 */
import { anchorsFrom } from "./inputs.js";

const TASKS = [
  { name: "details", everyMs: 1_000 },
  { name: "risk", everyMs: 2_000 },
  { name: "acks", everyMs: 3_000 },
  { name: "anchors", everyMs: 5_000 },
  { name: "pnl", everyMs: 30_000 },
  { name: "config", everyMs: 15_000 },
  { name: "health", everyMs: 30_000 },
];

/** The decision log's entries: the route answers the list (older versions: a Result around it). */
const okValue = (body) => (Array.isArray(body) ? body : typeof body === "object" && body !== null && body.ok === true && Array.isArray(body.value) ? body.value : null);

export class Poller {
  constructor(store, admin, onData) {
    this.store = store;
    this.admin = admin;
    this.onData = onData;
    this.busy = new Set();
    this.due = {};
    this.timer = setInterval(() => this.tick(), 250);
    admin.onChange(() => {
      this.due = {};
      this.tick();
    });
  }

  tick() {
    if (!this.admin.usable) return;
    const now = Date.now();
    // A token not yet accepted is tried with one request, so a wrong one costs one 401.
    const checked = this.admin.status === "ok";
    for (const t of TASKS) {
      if (!checked && t.name !== "health") continue;
      if (this.busy.has(t.name) || (this.due[t.name] ?? 0) > now) continue;
      this.due[t.name] = now + t.everyMs;
      this.busy.add(t.name);
      this.run(t.name)
        .catch(() => undefined)
        .finally(() => {
          this.busy.delete(t.name);
          this.onData(t.name);
        });
    }
  }

  async run(name) {
    const s = this.store;
    const ids = (s.snap?.markets ?? []).filter((m) => m.error === null).map((m) => m.id);
    switch (name) {
      case "details": {
        await Promise.all(
          ids.map(async (id) => {
            const r = await this.admin.get(`/admin/markets/${encodeURIComponent(id)}`);
            if (r.ok && typeof r.body === "object" && r.body !== null) s.details[id] = { value: r.body, at: Date.now() };
          }),
        );
        return;
      }
      case "risk": {
        const v = okValue((await this.admin.get("/admin/decisions?kind=risk&limit=60")).body);
        if (v !== null) s.riskTail = [...v].sort((a, b) => b.id - a.id);
        return;
      }
      case "acks": {
        // The server keeps the stage histograms (risk.latency on the stream): no need for the records.
        if (typeof s.snap?.risk?.latency === "object" && s.snap.risk.latency !== null) return;
        const v = okValue((await this.admin.get("/admin/decisions?kind=ack&limit=500")).body);
        if (v !== null) s.acks = v;
        return;
      }
      case "anchors": {
        const want = (s.snap?.markets ?? []).filter((m) => m.error === null && (m.strategy === "mm" || m.strategy === "fixed" || m.strategy === "parity"));
        await Promise.all(
          want.map(async (m) => {
            const known = s.anchors[m.id];
            const fresh = known !== undefined && known !== null && known.expiryMs > (s.snap?.ts ?? 0);
            if (fresh && (m.strategy !== "parity" || known.strike !== null)) return;
            const v = okValue((await this.admin.get(`/admin/decisions?kind=decision&market=${encodeURIComponent(m.id)}&limit=200`)).body);
            if (v !== null) s.anchors[m.id] = anchorsFrom(v);
          }),
        );
        return;
      }
      case "pnl": {
        const r = await this.admin.get(`/admin/pnl?since=${Date.now() - 86_400_000}`);
        if (r.ok && Array.isArray(r.body?.series)) s.pnlHistory = { series: r.body.series, at: Date.now() };
        return;
      }
      case "config": {
        const r = await this.admin.get("/admin/config");
        if (r.ok) s.config = r.body;
        return;
      }
      case "health": {
        const r = await this.admin.get("/admin/health");
        if (r.ok) s.health = r.body;
        return;
      }
    }
  }
}
