/**
 * Risk state and the operator's buttons (SPEC §10, §13): kill, cancel-all and resume through the
 * admin API. Each asks for the token if none is entered, then for confirmation, then shows the
 * API's answer in words (admin.js explains 401, 409, 503 ...).
 */
import { $, el, panelState, setText } from "../dom.js";
import { age } from "../format.js";

const ACTIONS = {
  "btn-kill": { path: "/admin/kill", confirm: "Set the KILL SWITCH?\n\nEvery resting order is cancelled and no new order passes until you press Resume.", body: () => ({ reason: "dashboard kill switch" }) },
  "btn-cancel": { path: "/admin/cancel-all", confirm: "Cancel ALL resting orders now?\n\nTrading continues; the strategies may quote again.", body: () => ({ reason: "dashboard cancel-all" }) },
  "btn-resume": {
    path: "/admin/resume",
    confirm: "Resume trading?\n\nClears the kill switch and latched triggers. Live conditions (a feed down) stay until they clear.",
    body: () => ({ resetPeak: $("chk-reset-peak").checked }),
  },
};

export function bindControls(admin, focusToken) {
  for (const [id, a] of Object.entries(ACTIONS)) {
    $(id).addEventListener("click", () => void act(admin, a, focusToken));
  }
}

async function act(admin, a, focusToken) {
  if (admin.token === null) {
    answer("Enter the admin token first (top of the page), then press the button again.", "bad");
    focusToken();
    return;
  }
  const extra = a.path === "/admin/resume" && $("chk-reset-peak").checked ? "\n\nThe equity peak will be reset." : "";
  if (!window.confirm(a.confirm + extra)) {
    answer("Cancelled: nothing was sent.", "");
    return;
  }
  answer(`Sending ${a.path}…`, "");
  const r = await admin.post(a.path, a.body());
  answer(`${a.path}: ${r.ok ? summary(r.body) : r.message}`, r.ok ? "ok" : "bad");
}

function summary(body) {
  if (typeof body !== "object" || body === null) return "done";
  const b = body;
  const parts = ["done"];
  if (typeof b.cancels === "number") parts.push(`${b.cancels} cancels sent`);
  if (Array.isArray(b.cancels)) parts.push(`${b.cancels.length} cancels sent`);
  const view = b.view ?? (b.ok === true ? b.value : null);
  if (view && typeof view === "object") {
    if (typeof view.mode === "string") parts.push(`mode ${view.mode}`);
    if (view.killed === true) parts.push("kill switch set");
    if (view.killed === false) parts.push("kill switch clear");
    if (Array.isArray(view.openOrders)) parts.push(`${view.openOrders.length} open orders`);
  }
  return parts.join(", ");
}

function answer(text, cls) {
  setText("control-answer", text, `answer ${cls === "ok" ? "ok" : cls === "bad" ? "bad" : "muted"}`);
}

export function renderRisk(store) {
  const r = store.snap?.risk ?? null;
  const list = $("risk-triggers");
  if (r === null) {
    setText("risk-line", store.snap === null ? "–" : "RiskDO not answering: state unknown, treat as halted.", "risk-line down");
    list.replaceChildren();
    panelState("panel-controls", false);
    return;
  }
  const a = r.account;
  const cls = r.state === "ACTIVE" ? "up" : r.state === "REDUCING" ? "warn" : "down";
  const kill = a?.killed ? ` — kill switch set: ${a.killReason ?? ""}` : "";
  setText("risk-line", `${r.state}${kill}${r.ready ? "" : ` — account ${r.phase}${r.problem ? `: ${r.problem}` : ""}`}`, `risk-line ${cls}`);
  const now = store.snap?.ts ?? Date.now();
  const items = (a?.triggers ?? []).map((t) => el("li", {}, `${t.kind} on ${t.scope} for ${age(now - (t.sinceMs ?? now))}: ${t.detail}`));
  for (const f of r.feedsDown) items.push(el("li", {}, `feed down: ${f.market} (${f.reason})`));
  if (items.length === 0) items.push(el("li", { class: "muted" }, "no active risk triggers"));
  list.replaceChildren(...items);
  panelState("panel-controls", true);
}
