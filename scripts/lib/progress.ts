/**
 * A progress bar for long replays, on stderr and only when stderr is a terminal, so piped or
 * captured output stays clean and deterministic.
 */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

const SILENT: Progress = { update: () => undefined, finish: () => undefined };

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return SILENT;
  const width = 30;
  let shown = -1;
  const draw = (done: number): void => {
    const pct = Math.min(100, Math.floor((done / total) * 100));
    if (pct === shown) return;
    shown = pct;
    const filled = Math.round((pct / 100) * width);
    stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(pct).padStart(3)}%`);
  };
  return {
    update: draw,
    finish() {
      draw(total);
      stream.write("\n");
    },
  };
}
