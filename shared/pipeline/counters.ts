/** What a pipeline did with its input, for the dashboard, the audit log and replays. */
export interface PipelineCounters {
  /** Every event handed to `onEvent`. */
  events: number;
  /** Events of another market that this pipeline does not use. */
  ignored: number;
  /** Events refused: book updates the book refused (by kind in `book.refused`), bad trades or marks. */
  refused: number;
  /** Events stamped earlier than one already seen; they are applied at the latest time. */
  outOfOrder: number;
}

export function newPipelineCounters(): PipelineCounters {
  return { events: 0, ignored: 0, refused: 0, outOfOrder: 0 };
}
