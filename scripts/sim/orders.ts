/**
 * Every order the simulator ever accepted or rejected, with its latest status, as openOrders,
 * frontendOpenOrders, orderStatus and orderUpdates print them [docs info-endpoint;
 * WsOrder]. Sizes are lots of the coin; `remaining` is kept in step with the matching engine.
 */
import { formatScaled } from "../../shared/core/decimal";
import type { Tif } from "../../shared/matching/types";
import type { FrontendOrder } from "../../shared/venues/hyperliquid/schema-common";

export interface OrderRecord {
  oid: number;
  user: string;
  coin: string;
  assetId: number;
  side: "A" | "B";
  limitPx: string;
  szDecimals: number;
  origSz: number;
  remaining: number;
  tif: Tif;
  reduceOnly: boolean;
  cloid: string | null;
  timestamp: number;
  status: string;
  statusTimestamp: number;
}

/** The order object of openOrders and of orderUpdates frames. */
export interface BasicOrderWire {
  coin: string;
  side: "A" | "B";
  limitPx: string;
  sz: string;
  oid: number;
  timestamp: number;
  origSz: string;
  cloid?: string;
}

export interface OrderUpdateWire {
  order: BasicOrderWire;
  status: string;
  statusTimestamp: number;
}

/** Oids are plain increasing integers, as the venue's are. */
const FIRST_OID = 90_000_000_001;

export class OrderRegistry {
  private readonly byOid = new Map<number, OrderRecord>();
  private readonly byCloid = new Map<string, OrderRecord>();
  private readonly openByUser = new Map<string, Set<number>>();
  private nextOid = FIRST_OID;

  newOid(): number {
    return this.nextOid++;
  }

  /** Forgets every order (control reset); oids keep counting up from where they were. */
  clear(): void {
    this.byOid.clear();
    this.byCloid.clear();
    this.openByUser.clear();
  }

  add(r: OrderRecord): void {
    this.byOid.set(r.oid, r);
    if (r.cloid !== null) this.byCloid.set(`${r.user}|${r.cloid}`, r);
    if (r.status === "open") this.openSet(r.user).add(r.oid);
  }

  get(oid: number): OrderRecord | undefined {
    return this.byOid.get(oid);
  }

  /** The latest order of `user` placed with this cloid. */
  byClientId(user: string, cloid: string): OrderRecord | undefined {
    return this.byCloid.get(`${user}|${cloid.toLowerCase()}`);
  }

  setStatus(r: OrderRecord, status: string, ts: number): void {
    r.status = status;
    r.statusTimestamp = ts;
    if (status === "open") this.openSet(r.user).add(r.oid);
    else this.openSet(r.user).delete(r.oid);
  }

  open(user: string): OrderRecord[] {
    const out: OrderRecord[] = [];
    for (const oid of this.openSet(user)) {
      const r = this.byOid.get(oid);
      if (r !== undefined) out.push(r);
    }
    return out.sort((a, b) => b.timestamp - a.timestamp || b.oid - a.oid);
  }

  allOpen(): OrderRecord[] {
    const out: OrderRecord[] = [];
    for (const user of this.openByUser.keys()) out.push(...this.open(user));
    return out;
  }

  private openSet(user: string): Set<number> {
    let s = this.openByUser.get(user);
    if (s === undefined) {
      s = new Set();
      this.openByUser.set(user, s);
    }
    return s;
  }
}

export function basicOrder(r: OrderRecord): BasicOrderWire {
  const o: BasicOrderWire = {
    coin: r.coin,
    side: r.side,
    limitPx: r.limitPx,
    sz: formatScaled(r.remaining, r.szDecimals),
    oid: r.oid,
    timestamp: r.timestamp,
    origSz: formatScaled(r.origSz, r.szDecimals),
  };
  if (r.cloid !== null) o.cloid = r.cloid;
  return o;
}

export function orderUpdate(r: OrderRecord): OrderUpdateWire {
  return { order: basicOrder(r), status: r.status, statusTimestamp: r.statusTimestamp };
}

/** frontendOpenOrders / orderStatus form; the simulator takes no trigger orders. */
export function frontendOrder(r: OrderRecord): FrontendOrder {
  return {
    coin: r.coin,
    side: r.side,
    limitPx: r.limitPx,
    sz: formatScaled(r.remaining, r.szDecimals),
    oid: r.oid,
    timestamp: r.timestamp,
    origSz: formatScaled(r.origSz, r.szDecimals),
    triggerCondition: "N/A",
    isTrigger: false,
    triggerPx: "0.0",
    children: [],
    isPositionTpsl: false,
    reduceOnly: r.reduceOnly,
    orderType: "Limit",
    tif: r.tif,
    cloid: r.cloid,
  };
}
