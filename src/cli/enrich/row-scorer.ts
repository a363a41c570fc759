import type { PreparedRow, ScoredRow } from './row-outcome';

/** A way of scoring rows: in this process, or by a running service. */
export interface RowScorer {
  /** How the rows are scored, for the start-up line ("in-process with rules/ ..."). */
  description: string;
  /** Scores rows as they are read and yields them in input order. */
  score(rows: AsyncIterable<PreparedRow>): AsyncIterable<ScoredRow>;
  close(): Promise<void>;
}
