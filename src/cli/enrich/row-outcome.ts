export type RowStatus = 'scored' | 'existing_customer' | 'unverified' | 'error';

/** What became of one row, the same whichever backend scored it. */
export interface RowOutcome {
  status: RowStatus;
  score: number | null;
  tier: string | null;
  decision: string | null;
  /** Reason codes, in the order the decision gives them. */
  reasons: readonly string[];
  /** Why the row failed; empty unless status is `error`. */
  error: string;
  /** Upstream lookups this row's decision made, and what they cost. */
  lookups: { calls: number; cost: number };
}

/** A CSV row ready to score: its record, or why it cannot be sent at all. */
export type PreparedRow =
  | { row: number; cells: readonly string[]; input: Record<string, unknown> }
  | { row: number; cells: readonly string[]; problem: string };

export interface ScoredRow {
  row: number;
  cells: readonly string[];
  outcome: RowOutcome;
}

export function failedOutcome(error: string): RowOutcome {
  return {
    status: 'error',
    score: null,
    tier: null,
    decision: null,
    reasons: [],
    error,
    lookups: { calls: 0, cost: 0 },
  };
}
