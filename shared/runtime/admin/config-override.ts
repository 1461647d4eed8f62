/**
 * The bot config as a deployment starts it (SPEC §16): SPEC defaults, overridden by the
 * `BOT_CONFIG` wrangler var (a JSON document of the same shape, any subset of it). A bad override
 * is refused with the field and the reason; the caller keeps whatever config it was running.
 */
import { parseBotConfig, type BotConfig, type ConfigResult } from "../../config";
import { err } from "../../core/result";

export function parseConfigOverride(text: string | undefined): ConfigResult<BotConfig> {
  if (text === undefined || text.trim() === "") return parseBotConfig({});
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return err([{ path: "BOT_CONFIG", message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return err([{ path: "BOT_CONFIG", message: "must be a JSON object" }]);
  return parseBotConfig(doc);
}
