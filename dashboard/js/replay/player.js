/**
 * Plays a parsed capture (capture.js) at a chosen speed and keeps what the views need at the
 * replay's clock: the best levels and mid of every coin, OFI from successive best levels
 * (Cont et al.; raw, in size units, over 10 s), the micro-price, an EWMA volatility of the
 * capture's own prices, and the outcome's YES price per venue for the inefficiency view. What a
 * capture cannot say (our inventory, the strategy's decisions) is left out, not made up.
 */
import { Series } from "../series.js";
import { digitalYes, ofiEvent } from "../models.js";

const OFI_WINDOW_MS = 10_000;
const VOL_HALF_LIFE_S = 60;
const SECONDS_PER_YEAR = 365 * 24 * 3600;
const TICK_MS = 100;

class CoinState {
  constructor() {
    this.top = null;
    this.mid = null;
    this.t = null;
    this.source = "";
    this.ofi = [];
    this.var = null;
    this.returns = 0;
    this.lastLog = null;
    this.lastT = null;
  }

  price(t, px) {
    if (!(px > 0)) return;
    const lp = Math.log(px);
    if (this.lastT !== null && this.lastLog !== null && t > this.lastT) {
      const dt = (t - this.lastT) / 1000;
      const x = (lp - this.lastLog) ** 2 / dt;
      const a = 1 - Math.exp((-Math.LN2 * dt) / VOL_HALF_LIFE_S);
      this.var = this.var === null ? x : this.var + a * (x - this.var);
      this.returns++;
    }
    this.lastLog = lp;
    if (this.lastT === null || t > this.lastT) this.lastT = t;
  }

  /** σ of log returns per √s once three returns are known. */
  sigmaPerSqrtSec() {
    return this.returns >= 3 && this.var !== null ? Math.sqrt(this.var) : null;
  }
}

export class ReplayPlayer {
  /**
   * @param {string} name capture key
   * @param {object} capture parseCapture() ok value
   * @param {{yesCoin: string|null, noCoin: string|null, perpCoin: string|null, strike: number|null, expiryMs: number|null}} ctx
   */
  constructor(name, capture, ctx, speed, onUpdate) {
    this.name = name;
    this.capture = capture;
    this.ctx = ctx;
    this.speed = speed;
    this.onUpdate = onUpdate;
    this.coins = new Map();
    this.venues = { "hl-yes": new Series(20_000, 0), "hl-no": new Series(20_000, 0), model: new Series(20_000, 0) };
    this.signals = [];
    this.i = 0;
    this.clock = capture.from;
    this.timer = null;
    this.done = false;
  }

  start() {
    let wall = Date.now();
    this.timer = setInterval(() => {
      const w = Date.now();
      this.advance(this.clock + (w - wall) * this.speed);
      wall = w;
      this.onUpdate();
      if (this.done) this.stop();
    }, TICK_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  now() {
    return this.clock;
  }

  get progress() {
    const span = this.capture.to - this.capture.from;
    return span <= 0 ? 1 : Math.min(1, (this.clock - this.capture.from) / span);
  }

  /** Applies every event up to `t` (capture time). */
  advance(t) {
    const ev = this.capture.events;
    while (this.i < ev.length && ev[this.i].t <= t) this.apply(ev[this.i++]);
    this.clock = Math.min(t, this.capture.to);
    if (this.i >= ev.length) this.done = true;
  }

  coin(c) {
    let s = this.coins.get(c);
    if (s === undefined) {
      s = new CoinState();
      this.coins.set(c, s);
    }
    return s;
  }

  apply(e) {
    const s = this.coin(e.coin);
    if (e.kind === "book") {
      const prev = s.top;
      s.top = { bid: e.bid, ask: e.ask };
      if (e.bid !== null && e.ask !== null) {
        s.mid = (e.bid.px + e.ask.px) / 2;
        const cur = { bidPx: e.bid.px, bidSz: e.bid.sz, askPx: e.ask.px, askSz: e.ask.sz };
        if (prev !== null && prev.bid !== null && prev.ask !== null) {
          const before = { bidPx: prev.bid.px, bidSz: prev.bid.sz, askPx: prev.ask.px, askSz: prev.ask.sz };
          if (before.bidPx !== cur.bidPx || before.bidSz !== cur.bidSz || before.askPx !== cur.askPx || before.askSz !== cur.askSz) s.ofi.push({ t: e.t, e: ofiEvent(before, cur) });
        }
        while (s.ofi.length > 0 && s.ofi[0].t <= e.t - OFI_WINDOW_MS) s.ofi.shift();
        this.pushSignal(e.coin, s, e.t);
      }
    } else {
      s.mid = e.px;
    }
    s.t = e.t;
    s.source = e.source;
    if (s.mid !== null) s.price(e.t, s.mid);
    this.pushVenues(e.coin, e.t);
  }

  pushSignal(coin, s, t) {
    const ofi = s.ofi.reduce((a, x) => a + x.e, 0);
    const b = s.top.bid;
    const a = s.top.ask;
    const micro = (b.px * a.sz + a.px * b.sz) / (a.sz + b.sz);
    this.signals.unshift({ t, coin, source: "replay", ofi, mlofi: null, aggr: null, leadlag: null, alpha: null, micro, regime: null, tradable: null });
    if (this.signals.length > 60) this.signals.length = 60;
  }

  pushVenues(coin, t) {
    const { yesCoin, noCoin, perpCoin, strike, expiryMs } = this.ctx;
    const mid = this.coins.get(coin)?.mid ?? null;
    if (mid === null) return;
    if (coin === yesCoin) this.venues["hl-yes"].push(t, mid);
    if (coin === noCoin) this.venues["hl-no"].push(t, 1 - mid);
    if (coin === perpCoin && strike !== null && expiryMs !== null) {
      const d = this.digitalPoint();
      if (d.sigma !== null) this.venues.model.push(t, digitalYes(mid, strike, d.sigma, Math.max(0, (expiryMs - t) / 1000 / SECONDS_PER_YEAR)));
    }
  }

  bookRows() {
    return [...this.coins.entries()].map(([coin, s]) => {
      const b = s.top?.bid ?? null;
      const a = s.top?.ask ?? null;
      return { coin, bid: b?.px ?? null, bidSz: b?.szStr ?? null, ask: a?.px ?? null, askSz: a?.szStr ?? null, mid: s.mid, spreadBps: b !== null && a !== null && s.mid ? ((a.px - b.px) / s.mid) * 10_000 : null, source: s.source };
    });
  }

  signalRows() {
    return this.signals;
  }

  /** The YES price and its σ in price per √s (as the quoter scales it: log σ × mid). */
  asPoint() {
    const s = this.ctx.yesCoin === null ? undefined : this.coins.get(this.ctx.yesCoin);
    const sps = s?.sigmaPerSqrtSec() ?? null;
    return { s: s?.mid ?? null, sigma: sps === null || s?.mid == null ? null : sps * s.mid };
  }

  /** The perp price, its annualised σ, and the YES mid. */
  digitalPoint() {
    const p = this.ctx.perpCoin === null ? undefined : this.coins.get(this.ctx.perpCoin);
    const sps = p?.sigmaPerSqrtSec() ?? null;
    const y = this.ctx.yesCoin === null ? undefined : this.coins.get(this.ctx.yesCoin);
    return { S: p?.mid ?? null, sigma: sps === null ? null : sps * Math.sqrt(SECONDS_PER_YEAR), yesMid: y?.mid ?? null };
  }
}
