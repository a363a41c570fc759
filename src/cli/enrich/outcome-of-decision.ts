import { upstreamUse } from '../../domain/batch/batch-summary';
import type { RowOutcome } from './row-outcome';

/** The parts of a decision the output needs: a ScoreResult and its JSON form both fit. */
export interface DecisionLike {
  status: 'scored' | 'existing_customer' | 'unverified';
  score: number | null;
  tier: string | null;
  decision: string | null;
  reasons: ReadonlyArray<{ code: string }>;
  lookups: ReadonlyArray<{ status: string; cost: number }>;
}

export function outcomeOfDecision(decision: DecisionLike): RowOutcome {
  const labelled = decision.status === 'scored';
  return {
    status: decision.status,
    score: labelled ? decision.score : null,
    tier: labelled ? decision.tier : null,
    decision: labelled ? decision.decision : null,
    reasons: labelled ? decision.reasons.map((reason) => reason.code) : [],
    error: '',
    lookups: upstreamUse(decision.lookups),
  };
}
