/**
 * The capture replay panel: lists captures (GET /admin/captures, token required), fetches one
 * (GET /admin/captures/:key, JSONL with its manifest), and plays it through the book table, the
 * signals and the 3D views' points at the chosen speed. The account, the risk state and the
 * controls stay live, and a banner says plainly that a replay is on.
 */
import { $, el, panelState, setText } from "../dom.js";
import { clock } from "../format.js";
import { outcomeLegs } from "../inputs.js";
import { coinOf } from "../labels.js";
import { parseCapture } from "../replay/capture.js";
import { ReplayPlayer } from "../replay/player.js";
import { outcomeEngines } from "../venues.js";

/** The capture's manifest in words: source, mode, span, counts (shared/capture/README.md). */
export function manifestLine(m) {
  if (typeof m !== "object" || m === null) return "";
  const span = typeof m.span === "object" && m.span !== null ? m.span : { from: m.from, to: m.to };
  const when = typeof span.from === "number" && typeof span.to === "number" ? `, span ${clock(span.from)}–${clock(span.to)} (${Math.round((span.to - span.from) / 1000)} s)` : "";
  const counts = typeof m.counts === "object" && m.counts !== null ? Object.entries(m.counts).map(([k, v]) => `${k} ${v}`).join(", ") : "";
  return `Manifest: source ${m.source ?? "?"}${m.mode ? `, mode ${m.mode}` : ""}${when}${counts === "" ? "" : `; counts: ${counts}`}.`;
}

export class ReplayPanel {
  constructor(store, admin, onUpdate) {
    this.store = store;
    this.admin = admin;
    this.onUpdate = onUpdate;
    this.list = null;
    this.manifestText = "";
    $("replay-refresh").addEventListener("click", () => void this.refresh());
    $("replay-play").addEventListener("click", () => void this.play());
    $("replay-stop").addEventListener("click", () => this.stop("Back to live."));
    // Listed once the token is accepted (a token still being checked is not used twice).
    admin.onChange(() => {
      if (admin.status === "ok" && this.list === null) void this.refresh();
      if (admin.status === "none" && this.list !== null) this.forget();
    });
  }

  /** The token was forgotten: the list goes with it. */
  forget() {
    this.list = null;
    $("replay-select").replaceChildren(el("option", { value: "" }, "–"));
    this.status("Enter the admin token to list captures.");
  }

  async refresh() {
    if (!this.admin.usable) {
      this.status("Enter the admin token to list captures.");
      return;
    }
    const r = await this.admin.get("/admin/captures");
    const captures = r.ok && Array.isArray(r.body?.captures) ? r.body.captures.filter((c) => typeof c?.key === "string") : null;
    if (captures === null) {
      this.status(`Could not list captures: ${r.message}`);
      return;
    }
    this.list = captures;
    const sel = $("replay-select");
    sel.replaceChildren(
      ...(captures.length === 0
        ? [el("option", { value: "" }, "no captures yet")]
        : captures.map((c) => el("option", { value: c.key }, `${c.key}${typeof c.size === "number" ? ` (${Math.round(c.size / 1024)} kB)` : ""}${typeof c.uploaded === "string" ? `, ${c.uploaded.slice(0, 16).replace("T", " ")} UTC` : ""}`))),
    );
    this.status(captures.length === 0 ? "No captures yet: the capture cron job has not written any to R2 in this deployment." : `${captures.length} capture${captures.length === 1 ? "" : "s"}${r.body.truncated ? " (list truncated)" : ""}. Choose one and press Play.`);
    panelState("panel-replay", true);
  }

  async play() {
    const key = $("replay-select").value;
    if (key === "") {
      this.status(this.list === null ? "Enter the admin token to list captures." : "No capture chosen.");
      return;
    }
    this.stop(null);
    this.status(`Fetching ${key}…`);
    const r = await this.admin.get(`/admin/captures/${encodeURIComponent(key)}`);
    if (!r.ok) {
      this.status(r.status === 404 ? `This deployment cannot serve capture contents yet (GET /admin/captures/:key answered 404).` : `Could not fetch ${key}: ${r.message}`);
      return;
    }
    const listed = this.list?.find((c) => c.key === key)?.manifest ?? null;
    const body = r.body;
    const text = typeof body === "string" ? body : Array.isArray(body?.records) ? body.records.map((x) => JSON.stringify(x)).join("\n") : "";
    const cap = parseCapture(text, typeof body === "object" && body !== null && typeof body.manifest === "object" ? body.manifest : listed);
    if (!cap.ok) {
      this.status(`Not replayed: ${cap.error}.`);
      return;
    }
    const snap = this.store.snap;
    const { mm, parity, perpCoin } = outcomeEngines(snap);
    const legs = mm === null ? (parity === null ? null : outcomeLegs(snap, parity.id)) : outcomeLegs(snap, mm.id);
    const anchor = (parity !== null ? this.store.anchors[parity.id] : null) ?? (mm !== null ? this.store.anchors[mm.id] : null) ?? null;
    const ctx = { yesCoin: legs === null ? null : coinOf(legs.yes), noCoin: legs === null ? null : coinOf(legs.no), perpCoin, strike: anchor?.strike ?? null, expiryMs: anchor?.expiryMs ?? null };
    const speed = Number($("replay-speed").value) || 1;
    const player = new ReplayPlayer(key, cap, ctx, speed, () => this.tick());
    this.store.replay = player;
    player.start();
    const m = cap.manifest;
    this.manifestText = manifestLine(m);
    this.banner(`REPLAY of capture ${key} (source ${m.source}${m.mode ? `, mode ${m.mode}` : ""}${m.venue ? `, ${m.venue}` : ""}) at ${speed}× — the books, signals and 3D points show the capture, not the bot. Account figures and controls are live.`);
    this.status(`Playing ${cap.records} records (${cap.coins.length} coins, ${cap.skipped} skipped (not replayed), ${cap.bad} unreadable lines) from ${clock(cap.from)} to ${clock(cap.to)}. ${manifestLine(m)}`);
    this.onUpdate();
  }

  tick() {
    const p = this.store.replay;
    if (p === null) return;
    $("replay-progress").value = p.progress;
    if (p.done) this.status(`Finished ${p.name}. The views hold its last state; press "Back to live" to return. ${this.manifestText}`);
    else this.status(`Playing ${p.name}: capture time ${clock(p.now())}, ${Math.round(p.progress * 100)}%. ${this.manifestText}`);
    this.onUpdate();
  }

  stop(message) {
    const p = this.store.replay;
    if (p !== null) p.stop();
    this.store.replay = null;
    $("replay-progress").value = 0;
    this.banner(null);
    if (message !== null) this.status(message);
    this.onUpdate();
  }

  banner(text) {
    const b = $("replay-banner");
    b.hidden = text === null;
    if (text !== null) b.textContent = text;
  }

  status(text) {
    setText("replay-status", text);
  }
}
