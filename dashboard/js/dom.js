/** Small DOM helpers: elements built with textContent only (venue strings never become HTML). */

export const $ = (id) => {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`dashboard: #${id} is missing from index.html`);
  return e;
};

/**
 * el("td", {class: "num", title: "…"}, "text", childNode)
 * Attributes with null/undefined/false values are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = String(v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return e;
}

export function setText(id, text, cls) {
  const e = $(id);
  if (e.textContent !== text) e.textContent = text;
  if (cls !== undefined && e.className !== cls) e.className = cls;
}

/** Replaces a tbody's rows; `empty` (a sentence) fills one row spanning `cols` when there are none. */
export function fillBody(tbody, rows, cols, empty) {
  tbody.replaceChildren(...(rows.length > 0 ? rows : [el("tr", {}, el("td", { colspan: cols, class: "muted" }, empty))]));
}

/** Marks a panel as showing real data (or not) and says where the data comes from. */
export function panelState(id, live, note) {
  const p = $(id);
  const v = live ? "live" : "waiting";
  if (p.dataset.state !== v) p.dataset.state = v;
  if (note !== undefined) {
    const n = p.querySelector(".panel-note");
    if (n !== null && n.textContent !== note) n.textContent = note;
  }
}
