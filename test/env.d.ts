// Types of `env` and `exports` from "cloudflare:workers" inside the runtime tests.
import type { Env as ApiEnv } from "../workers/api/env";

declare global {
  namespace Cloudflare {
    interface Env extends ApiEnv {}
    interface GlobalProps {
      mainModule: typeof import("../workers/api/index");
    }
  }
}
