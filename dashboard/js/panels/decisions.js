/**
 * The risk decisions tail: every Pass / Resize / Reject the RiskDO made, with the limit that
 * applied and its reason (audit kind "risk", a RiskRecord per order). Admin API only: the
 * stream carries counts, not records.
 */
import { $, el, fillBody, panelState } from "../dom.js";
import { clock, DASH } from "../format.js";
import { instrumentLabel } from "../labels.js";
import { lotSize, tickPrice } from "../scales.js";

const COLS = 5;

export function renderDecisions(store, scales, hasToken) {
  const rows = store.riskTail.map((e) => {
    const r = typeof e.body === "object" && e.body !== null ? e.body : {};
    const d = typeof r.decision === "object" && r.decision !== null ? r.decision : {};
    const kind = typeof d.kind === "string" ? d.kind : "?";
    const market = typeof r.market === "string" ? r.market : (e.market ?? "");
    const order = `${r.side ?? "?"} ${lotSize(scales, market, r.requestedLots)} ${market === "" ? "" : instrumentLabel(store.snap, market)} @ ${tickPrice(scales, market, r.px)}`;
    const verdict = kind === "resize" ? `resize to ${lotSize(scales, market, d.sz)}` : kind;
    const why = typeof d.limit === "string" ? `${d.limit}: ${typeof d.reason === "string" ? d.reason : ""}` : kind === "pass" ? "within every limit" : DASH;
    return el(
      "tr",
      {},
      el("td", {}, clock(e.ts)),
      el("td", {}, r.engine ?? e.engine ?? DASH),
      el("td", {}, order),
      el("td", { class: kind === "pass" ? "up" : kind === "reject" ? "down" : "warn" }, verdict),
      el("td", { class: "wrap" }, why),
    );
  });
  fillBody($("decisions-body"), rows, COLS, hasToken ? "no risk decisions yet (no strategy asked for an order)" : "enter the admin token to read the decision log");
  const counts = store.snap?.risk?.account?.counts ?? null;
  const note = counts === null ? "newest first" : `newest first · in all: ${counts.passed ?? 0} passed, ${counts.resized ?? 0} resized, ${counts.rejected ?? 0} rejected`;
  panelState("panel-decisions", rows.length > 0, note);
}
