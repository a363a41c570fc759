import type { RowOutcome } from './row-outcome';
import { UsageError } from './usage-error';

/** Columns the output adds after the input's own. */
export const ENRICH_COLUMNS = ['score', 'tier', 'decision', 'reasons', 'status', 'error'] as const;

export interface OutputLayout {
  header: readonly string[];
  /** The input already ended with our columns (a scored file scored again): they are replaced. */
  replaced: boolean;
  cellsOf(cells: readonly string[], outcome: RowOutcome): string[];
}

/**
 * The output keeps every input column in its order and appends ours. A file that is an earlier
 * output of this command gets fresh results in place of the old ones; any other clash of names
 * is refused, because two "status" columns would be misread by whoever imports the file next.
 */
export function planOutputLayout(input: readonly string[]): OutputLayout {
  const tail = input.slice(-ENRICH_COLUMNS.length);
  const replaced =
    input.length >= ENRICH_COLUMNS.length && tail.every((name, i) => name === ENRICH_COLUMNS[i]);
  const kept = replaced ? input.slice(0, input.length - ENRICH_COLUMNS.length) : input;
  const ours: ReadonlySet<string> = new Set(ENRICH_COLUMNS);
  const clash = kept.find((name) => ours.has(name.trim().toLowerCase()));
  if (clash !== undefined) {
    throw new UsageError(
      `the file already has a column named "${clash}", which the output adds; rename it first`,
    );
  }
  return {
    header: [...kept, ...ENRICH_COLUMNS],
    replaced,
    cellsOf: (cells, outcome) => [
      ...kept.map((_, index) => cells[index] ?? ''),
      outcome.score === null ? '' : String(outcome.score),
      outcome.tier ?? '',
      outcome.decision ?? '',
      outcome.reasons.join(';'),
      outcome.status,
      outcome.error,
    ],
  };
}
