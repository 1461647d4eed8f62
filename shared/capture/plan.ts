/**
 * What one cron run captures (SPEC §15), built from the Worker's `CAPTURE_*` vars and validated
 * like every config (SPEC §16): a bad value is refused naming the var and the reason, and the run
 * writes nothing. Hyperliquid is always captured; Polymarket and Kalshi only when tokens/tickers
 * are configured (their hosts are not reachable from every deployment).
 */
import * as z from "zod";
import type { ConfigIssue } from "../config";
import { err, ok, type Result } from "../core/result";

export const CAPTURE_MODES = ["live", "historical", "auto"] as const;
/** live: snapshots now; historical: candles/price history; auto: live, per venue falling back to historical. */
export type CaptureMode = (typeof CAPTURE_MODES)[number];

/** Hyperliquid's candle intervals [reference/hyperliquid.md §1.3], in ms (1M counted as 30 days for the size check). */
export const CANDLE_INTERVAL_MS = {
  "1m": 60_000,
  "3m": 180_000,
  "5m": 300_000,
  "15m": 900_000,
  "30m": 1_800_000,
  "1h": 3_600_000,
  "2h": 7_200_000,
  "4h": 14_400_000,
  "8h": 28_800_000,
  "12h": 43_200_000,
  "1d": 86_400_000,
  "3d": 259_200_000,
  "1w": 604_800_000,
  "1M": 2_592_000_000,
} as const;
export type CandleInterval = keyof typeof CANDLE_INTERVAL_MS;

/** Kalshi candlesticks take period_interval 1, 60 or 1440 minutes only. */
export const KALSHI_INTERVALS: readonly CandleInterval[] = ["1m", "1h", "1d"];

/** Every element of a time-range answer fits one response (at most 500 [hyperliquid.md §2]). */
export const MAX_CANDLES = 500;
/** A cron invocation may run 15 minutes of wall time [cloudflare.md §5]; sampling stays well inside. */
export const MAX_SAMPLING_MS = 10 * 60_000;
/** The word in CAPTURE_COINS that stands for both sides of every listed HIP-4 outcome (read from outcomeMeta at capture time, since outcomes roll). */
export const OUTCOMES_WORD = "outcomes";

export interface CapturePlan {
  mode: CaptureMode;
  /** Rounds of live snapshots per run, `sampleEveryMs` apart. */
  samples: number;
  sampleEveryMs: number;
  /** Per request. */
  timeoutMs: number;
  candles: { interval: CandleInterval; lookbackMs: number };
  hyperliquid: { url: string; coins: string[]; outcomes: boolean };
  polymarket: { url: string; tokens: string[] } | null;
  kalshi: { url: string; tickers: string[] } | null;
}

/** The vars as wrangler hands them to the Worker (all optional except the venue URL). */
export interface CaptureVars {
  HL_API_URL?: string;
  CAPTURE_MODE?: string;
  CAPTURE_COINS?: string;
  CAPTURE_SAMPLES?: string;
  CAPTURE_SAMPLE_EVERY_MS?: string;
  CAPTURE_CANDLE_INTERVAL?: string;
  CAPTURE_LOOKBACK_MINUTES?: string;
  CAPTURE_TIMEOUT_MS?: string;
  CAPTURE_POLYMARKET_URL?: string;
  CAPTURE_POLYMARKET_TOKENS?: string;
  CAPTURE_KALSHI_URL?: string;
  CAPTURE_KALSHI_TICKERS?: string;
}

export const CAPTURE_DEFAULTS = {
  CAPTURE_MODE: "auto",
  CAPTURE_COINS: `BTC,ETH,${OUTCOMES_WORD}`,
  CAPTURE_SAMPLES: "10",
  CAPTURE_SAMPLE_EVERY_MS: "3000",
  CAPTURE_CANDLE_INTERVAL: "1m",
  CAPTURE_LOOKBACK_MINUTES: "60",
  CAPTURE_TIMEOUT_MS: "10000",
  CAPTURE_POLYMARKET_URL: "https://clob.polymarket.com",
  CAPTURE_POLYMARKET_TOKENS: "",
  CAPTURE_KALSHI_URL: "https://external-api.kalshi.com/trade-api/v2",
  CAPTURE_KALSHI_TICKERS: "",
} as const satisfies Required<Omit<CaptureVars, "HL_API_URL">>;

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const list = (item: z.ZodString, max: number) =>
  z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()).filter((x) => x.length > 0))
    .pipe(z.array(item).max(max).refine((a) => new Set(a).size === a.length, "lists an entry twice"));

const httpUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "an http(s) URL")
  .transform((u) => u.replace(/\/+$/, ""));

const Vars = z.object({
  HL_API_URL: httpUrl,
  CAPTURE_MODE: z.enum(CAPTURE_MODES),
  // Perps "BTC", HIP-3 "dex:COIN", spot "@107" / "PURR/USDC", outcome sides "#150" [hyperliquid.md §1.2].
  CAPTURE_COINS: list(z.string().regex(/^[^\s,]{1,60}$/), 50).refine((a) => a.length > 0, "names no coin"),
  CAPTURE_SAMPLES: whole(1, 600),
  CAPTURE_SAMPLE_EVERY_MS: whole(0, 60_000),
  CAPTURE_CANDLE_INTERVAL: z.enum(Object.keys(CANDLE_INTERVAL_MS) as [CandleInterval, ...CandleInterval[]]),
  CAPTURE_LOOKBACK_MINUTES: whole(1, 60 * 24 * 366),
  CAPTURE_TIMEOUT_MS: whole(100, 60_000),
  CAPTURE_POLYMARKET_URL: httpUrl,
  // CLOB token ids are uint256 decimal strings [polymarket-kalshi.md §1.2].
  CAPTURE_POLYMARKET_TOKENS: list(z.string().regex(/^\d{1,78}$/, "a CLOB token id (decimal digits)"), 50),
  CAPTURE_KALSHI_URL: httpUrl,
  // SERIES-YYMMMDDHH[mm]-... [polymarket-kalshi.md §2.8]; the series is the part before the first dash.
  CAPTURE_KALSHI_TICKERS: list(z.string().regex(/^[A-Z0-9]+-[A-Z0-9.-]+$/, "a Kalshi market ticker such as KXBTCD-25AUG0517-T114999.99"), 50),
});

/** The plan of a run, or every problem with the vars (path = the var's name). */
export function capturePlan(vars: CaptureVars): Result<CapturePlan, ConfigIssue[]> {
  // A Worker's env also holds its bindings: only the set string vars count.
  const given = Object.fromEntries(Object.entries(vars).filter(([k, v]) => k in Vars.shape && typeof v === "string" && v.trim() !== ""));
  const r = Vars.safeParse({ ...CAPTURE_DEFAULTS, ...given });
  if (!r.success) return err(r.error.issues.map((i) => ({ path: String(i.path[0] ?? ""), message: i.message })));
  const v = r.data;
  const issues: ConfigIssue[] = [];
  const intervalMs = CANDLE_INTERVAL_MS[v.CAPTURE_CANDLE_INTERVAL];
  const lookbackMs = v.CAPTURE_LOOKBACK_MINUTES * 60_000;
  if (lookbackMs / intervalMs > MAX_CANDLES) {
    issues.push({ path: "CAPTURE_LOOKBACK_MINUTES", message: `${v.CAPTURE_LOOKBACK_MINUTES} min of ${v.CAPTURE_CANDLE_INTERVAL} candles is more than the ${MAX_CANDLES} one response holds` });
  }
  if ((v.CAPTURE_SAMPLES - 1) * v.CAPTURE_SAMPLE_EVERY_MS > MAX_SAMPLING_MS) {
    issues.push({ path: "CAPTURE_SAMPLES", message: `${v.CAPTURE_SAMPLES} samples ${v.CAPTURE_SAMPLE_EVERY_MS} ms apart take longer than ${MAX_SAMPLING_MS / 60_000} min (a cron run has 15)` });
  }
  if (v.CAPTURE_KALSHI_TICKERS.length > 0 && !KALSHI_INTERVALS.includes(v.CAPTURE_CANDLE_INTERVAL)) {
    issues.push({ path: "CAPTURE_CANDLE_INTERVAL", message: `Kalshi candlesticks come in ${KALSHI_INTERVALS.join(", ")} only` });
  }
  if (issues.length > 0) return err(issues);
  const outcomes = v.CAPTURE_COINS.includes(OUTCOMES_WORD);
  return ok({
    mode: v.CAPTURE_MODE,
    samples: v.CAPTURE_SAMPLES,
    sampleEveryMs: v.CAPTURE_SAMPLE_EVERY_MS,
    timeoutMs: v.CAPTURE_TIMEOUT_MS,
    candles: { interval: v.CAPTURE_CANDLE_INTERVAL, lookbackMs },
    hyperliquid: { url: v.HL_API_URL, coins: v.CAPTURE_COINS.filter((c) => c !== OUTCOMES_WORD), outcomes },
    polymarket: v.CAPTURE_POLYMARKET_TOKENS.length > 0 ? { url: v.CAPTURE_POLYMARKET_URL, tokens: v.CAPTURE_POLYMARKET_TOKENS } : null,
    kalshi: v.CAPTURE_KALSHI_TICKERS.length > 0 ? { url: v.CAPTURE_KALSHI_URL, tickers: v.CAPTURE_KALSHI_TICKERS } : null,
  });
}
