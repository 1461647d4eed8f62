/**
 * A Worker that runs the pipeline benchmark steps inside workerd. workerd does not advance its
 * clocks while a request computes, so the Node side times each request from outside and
 * subtracts an empty request: `POST /load` takes the frames (one per line), `GET /run?step=&
 * passes=` runs whole passes over them and returns a checksum so nothing is optimised away.
 */
import { createSteps, type StepName } from "./pipeline-steps";

let frames: string[] = [];
let steps: ReturnType<typeof createSteps> | undefined;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/load") {
      frames = (await request.text()).split("\n").filter((l) => l.length > 0);
      steps = createSteps(frames);
      return Response.json({ frames: frames.length });
    }
    const step = url.searchParams.get("step") ?? "noop";
    const passes = Number(url.searchParams.get("passes") ?? "1");
    if (steps === undefined) return new Response("no frames", { status: 400 });
    if (step === "noop") return Response.json({ checksum: 0 });
    const run = steps[step as StepName];
    if (run === undefined) return new Response(`unknown step ${step}`, { status: 400 });
    let checksum = 0;
    const total = passes * frames.length;
    for (let i = 0; i < total; i++) checksum += run(i);
    return Response.json({ checksum, calls: total });
  },
};
