/**
 * The header (paper or live, network, stream state, the token form) and the stale banner.
 * Paper vs live is what the stream's snapshot says of the venue the Workers talk to (`venue`:
 * simulator, mainnet or testnet; no token needed); an older server without it is read from
 * GET /admin/health's venue URL (a loopback address is the local simulator).
 */
import { $, el, setText } from "../dom.js";
import { age, clock } from "../format.js";
import { staleIssues } from "../staleness.js";

/** From the stream's `venue` ({network, kind, paper, host}); null when the snapshot has none. */
export function streamVenueMode(v) {
  if (typeof v !== "object" || v === null || typeof v.kind !== "string") return null;
  const host = typeof v.host === "string" ? v.host : "?";
  return v.paper === true ? { paper: true, text: `PAPER · local simulator ${host}` } : { paper: false, text: `LIVE · real orders to ${v.kind} (${host})` };
}

export function venueMode(health) {
  const venue = typeof health?.venue === "string" ? health.venue : null;
  if (venue === null) return null;
  let host = "";
  try {
    host = new URL(venue).hostname;
  } catch {
    return { paper: false, text: `venue ${venue}` };
  }
  const loopback = host === "localhost" || host === "::1" || host === "[::1]" || /^127\./.test(host);
  return loopback ? { paper: true, text: `PAPER · local simulator ${new URL(venue).host}` } : { paper: false, text: `LIVE · real orders to ${host}` };
}

export function renderHeader(store, stream, admin) {
  const mode = streamVenueMode(store.snap?.venue) ?? venueMode(store.health);
  if (mode === null) setText("mode-badge", admin.usable ? "venue: checking…" : "venue unknown (enter token)", "badge warn");
  else setText("mode-badge", mode.text, mode.paper ? "badge paper" : "badge down");
  const net = store.snap?.network ?? null;
  // Paper trading signs for the configured network too; say that nothing reaches it.
  setText("network-badge", net === null ? "network –" : `network ${net}${mode?.paper ? " (signatures only)" : ""}`, "badge");
  const now = Date.now();
  if (stream.state === "open" && store.recvAt !== null) setText("conn-badge", `live · update ${store.snap?.seq ?? "?"} at ${clock(store.snap?.ts)}`, now - store.recvAt > 2_000 ? "badge warn" : "badge up");
  else if (stream.state === "open") setText("conn-badge", "connected, waiting for data", "badge warn");
  else if (stream.state === "connecting") setText("conn-badge", "connecting…", "badge warn");
  else setText("conn-badge", `disconnected, retry in ${age(Math.max(0, stream.retryInMs(now) ?? 0))}`, "badge down");
  const ts = $("token-status");
  const msg =
    admin.status === "none"
      ? "Locked: the market (books, signals, regimes, strategy inputs, latency) is public; controls, the decision log, the PnL history and the capture list need the admin token (npm start prints it and keeps it in .dev.vars)."
      : admin.status === "refused"
        ? (admin.lastProblem ?? "The token was refused.")
        : admin.status === "ok"
          ? "Unlocked for this tab (sessionStorage). Forget removes it."
          : "Checking the token…";
  if (ts.textContent !== msg) ts.textContent = msg;
  ts.className = admin.status === "refused" ? "down" : admin.status === "ok" ? "up" : "muted";
}

export function renderStale(store, stream) {
  const now = Date.now();
  const issues = staleIssues({
    now,
    connection: stream.state,
    lastRecvAt: store.recvAt,
    retryInMs: stream.retryInMs(now),
    snapshot: store.snap,
    lastDelayMs: store.lastDelayMs,
    minDelayMs: store.minDelayMs,
  });
  const b = $("stale-banner");
  b.hidden = issues.length === 0;
  const key = issues.map((i) => `${i.what}|${i.detail}`).join("\n");
  if (b.dataset.key === key) return;
  b.dataset.key = key;
  b.dataset.stale = issues.map((i) => i.key).join(" ");
  if (issues.length === 0) {
    b.replaceChildren();
    return;
  }
  b.replaceChildren(
    el("span", {}, `STALE DATA — ${issues.map((i) => i.what).join(", ")}: do not trust these figures until this clears.`),
    el("ul", {}, ...issues.map((i) => el("li", {}, `${i.what}: ${i.detail}`))),
  );
}
