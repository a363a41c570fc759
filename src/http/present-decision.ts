import type { ScoreResult } from '../domain/score-prospect';

/** The wire form of a decision, in a stable field order, with dates as ISO strings. */
export function presentDecision(result: ScoreResult): Record<string, unknown> {
  const body: Record<string, unknown> = {
    decisionId: result.decisionId,
    status: result.status,
    score: result.score,
    tier: result.tier,
    decision: result.decision,
    reasons: result.reasons,
    followUp: result.followUp,
    signals: result.signals,
  };
  if (result.status === 'existing_customer') body.customerMatch = result.customerMatch;
  body.lookups = result.lookups;
  body.degraded = result.degraded;
  body.ruleset = {
    version: result.ruleset.version,
    loadedAt: result.ruleset.loadedAt.toISOString(),
  };
  return body;
}
