/**
 * Number and time formatting for the dashboard. Every formatter takes whatever the stream sent
 * (a number, null, undefined, a string) and prints "–" for anything that is not a finite
 * number, so a missing field never shows as "NaN" or throws.
 */

export const DASH = "–";

/** A finite number, or null. Numeric strings (venue decimals) are accepted. */
export function num(x) {
  if (typeof x === "number") return Number.isFinite(x) ? x : null;
  if (typeof x === "string" && x.trim() !== "") {
    const v = Number(x);
    return Number.isFinite(v) ? v : null;
  }
  return null;
}

const usdFmt = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$1,234.56"; with `sign`, "+$1.20" / "−$3.40". */
export function usd(x, sign = false) {
  const v = num(x);
  if (v === null) return DASH;
  const abs = usdFmt.format(Math.abs(v));
  if (v < 0) return `−$${abs}`;
  return sign && v > 0 ? `+$${abs}` : `$${abs}`;
}

/** A price with enough significant digits for any venue (BTC 80762.5, an outcome 0.95139). */
export function price(x) {
  const v = num(x);
  if (v === null) return DASH;
  if (v === 0) return "0";
  const mag = Math.floor(Math.log10(Math.abs(v)));
  const decimals = Math.min(8, Math.max(0, 5 - mag));
  return v.toFixed(decimals);
}

/** A plain number with `digits` significant digits (signals, σ, κ ...). */
export function sig(x, digits = 4) {
  const v = num(x);
  if (v === null) return DASH;
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return Number(v.toPrecision(digits)).toString();
  return v.toExponential(digits - 1);
}

/** A fraction as a percentage: 0.125 -> "12.5%". */
export function pct(x, digits = 1) {
  const v = num(x);
  return v === null ? DASH : `${(v * 100).toFixed(digits)}%`;
}

/** Milliseconds: "0 ms", "12 ms", "1.25 s". */
export function ms(x) {
  const v = num(x);
  if (v === null) return DASH;
  if (Math.abs(v) < 1000) return `${Math.round(v)} ms`;
  return `${(v / 1000).toFixed(2)} s`;
}

/** An age or duration for people: "0.4 s", "12 s", "3 min", "2.1 h". */
export function age(x) {
  const v = num(x);
  if (v === null) return DASH;
  const s = Math.max(0, v) / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** Local wall time of a ms timestamp, "14:03:27". */
export function clock(x) {
  const v = num(x);
  if (v === null) return DASH;
  const d = new Date(v);
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Seconds to a horizon for people: "1 h 12 min", "45 s". */
export function horizon(seconds) {
  const v = num(seconds);
  if (v === null) return DASH;
  if (v <= 0) return "expired";
  if (v < 120) return `${Math.round(v)} s`;
  const h = Math.floor(v / 3600);
  const m = Math.round((v - h * 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}
