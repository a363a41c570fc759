import type { Response } from 'express';
import type { ScoreResult } from '../domain/score-prospect';
import { callerOf } from './caller';
import { presentDecision } from './present-decision';

/**
 * What a browser (a publishable key) is told: whether the form may go on, and only the words a
 * rule marked safe to show the person. No score, tier, signals, lookups, rule names or rule-set
 * version, and an existing or unverified customer gets exactly what an ordinary accepted
 * prospect gets, so a stranger typing other people's emails cannot learn who is a customer.
 */
export function publicDecision(result: ScoreResult): Record<string, unknown> {
  const messages = result.reasons.flatMap((reason) =>
    reason.publicMessage === undefined ? [] : [reason.publicMessage],
  );
  return {
    decisionId: result.decisionId,
    result: messages.length > 0 ? 'check_details' : 'accepted',
    messages,
  };
}

/** The public view for publishable keys, the full decision for everyone else. */
export function presentDecisionFor(res: Response, result: ScoreResult): Record<string, unknown> {
  return callerOf(res)?.kind === 'publishable' ? publicDecision(result) : presentDecision(result);
}
