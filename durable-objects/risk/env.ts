import type { Env } from "../../workers/api/env";

/**
 * What the RiskDO reads from its Worker's bindings: the api Worker's (wrangler.toml) plus the
 * optional `BOT_CONFIG` var, a JSON document of overrides over the SPEC defaults
 * (shared/config) used when the RiskDO first starts; later changes go through `updateConfig`.
 */
export type RiskEnv = Env & { BOT_CONFIG?: string };
