import {
  scoreRecords,
  type BatchItem,
  type BatchOptions,
  type BatchRecord,
} from '../../domain/batch/score-batch';
import type { ScoringDeps } from '../../domain/score-prospect';
import type { DescribeError } from './error-describer';
import { outcomeOfDecision } from './outcome-of-decision';
import { failedOutcome, type PreparedRow, type RowOutcome, type ScoredRow } from './row-outcome';

export interface InOrderOptions {
  batch: BatchOptions;
  /** Most rows read but not yet yielded; bounds the reorder buffer whatever one row costs. */
  window: number;
  describeError: DescribeError;
}

/**
 * Scores rows with scoreRecords and yields them in input order. scoreRecords yields as decisions
 * finish, and keeps reading while one slow row (a lookup waiting out its deadline) holds up the
 * output, so on its own the reorder buffer could grow with everything scored meanwhile. When the
 * rows between the oldest unwritten one and the newest read reach `window`, the input of the
 * current scoreRecords run ends; it drains (yielding the slow row too) and a fresh run takes
 * the rest. The input cannot simply pause instead: scoreRecords yields only while it reads.
 */
export async function* scoreInOrder(
  deps: ScoringDeps,
  rows: AsyncIterable<PreparedRow>,
  options: InOrderOptions,
): AsyncGenerator<ScoredRow> {
  const source = rows[Symbol.asyncIterator]();
  const waiting = new Map<number, { prepared: PreparedRow; outcome?: RowOutcome }>();
  let nextOut = 1;
  let lastRead = 0;
  let exhausted = false;

  async function* segment(): AsyncGenerator<BatchRecord> {
    while (lastRead - nextOut + 1 < options.window) {
      const next = await source.next();
      if (next.done === true) {
        exhausted = true;
        return;
      }
      const prepared = next.value;
      lastRead = prepared.row;
      if ('problem' in prepared) {
        waiting.set(prepared.row, { prepared, outcome: failedOutcome(prepared.problem) });
        continue;
      }
      waiting.set(prepared.row, { prepared });
      yield { position: prepared.row, ref: String(prepared.row), input: prepared.input };
    }
  }
  function* ready(): Generator<ScoredRow> {
    for (let entry = waiting.get(nextOut); entry?.outcome; entry = waiting.get(nextOut)) {
      waiting.delete(nextOut);
      yield { row: nextOut, cells: entry.prepared.cells, outcome: entry.outcome };
      nextOut += 1;
    }
  }

  while (!exhausted) {
    for await (const item of scoreRecords(deps, segment(), options.batch)) {
      const entry = waiting.get(item.position);
      if (entry !== undefined) entry.outcome = outcomeOf(item, options.describeError);
      yield* ready();
    }
    // Rows that failed before scoring, after the last scored one of this run.
    yield* ready();
  }
}

function outcomeOf(item: BatchItem, describeError: DescribeError): RowOutcome {
  return 'error' in item
    ? failedOutcome(describeError(item.error))
    : outcomeOfDecision(item.result);
}
