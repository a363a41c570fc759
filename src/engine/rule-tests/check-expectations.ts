import type { FollowUp } from '../../domain/apply-policy';
import type { ScoreResult } from '../../domain/score-prospect';
import type { Expectation } from './rule-test-schema';

type FollowUpExpectation = NonNullable<Expectation['followUp']>;

const describeFollowUp = (followUp: Partial<FollowUp> | null): string =>
  followUp === null
    ? 'none'
    : [
        followUp.queue ?? '(any queue)',
        followUp.withinMinutes === undefined ? '' : ` within ${followUp.withinMinutes} min`,
        followUp.priority === undefined ? '' : ` (${followUp.priority})`,
      ].join('');

function followUpMatches(expected: FollowUpExpectation | null, actual: FollowUp | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return (
    (expected.queue === undefined || expected.queue === actual.queue) &&
    (expected.withinMinutes === undefined || expected.withinMinutes === actual.withinMinutes) &&
    (expected.priority === undefined || expected.priority === actual.priority)
  );
}

function scoredMismatches(expect: Expectation, result: ScoreResult): string[] {
  const mismatches: string[] = [];
  if (expect.decision !== undefined && expect.decision !== result.decision) {
    mismatches.push(`expected decision "${expect.decision}", got "${result.decision}"`);
  }
  if (expect.tier !== undefined && expect.tier !== result.tier) {
    mismatches.push(`expected tier "${expect.tier}", got "${result.tier}"`);
  }
  const score = result.score ?? Number.NaN;
  if (expect.score !== undefined && expect.score !== score) {
    mismatches.push(`expected score ${expect.score}, got ${score}`);
  }
  if (expect.scoreAtLeast !== undefined && !(score >= expect.scoreAtLeast)) {
    mismatches.push(`expected score at least ${expect.scoreAtLeast}, got ${score}`);
  }
  if (expect.scoreAtMost !== undefined && !(score <= expect.scoreAtMost)) {
    mismatches.push(`expected score at most ${expect.scoreAtMost}, got ${score}`);
  }
  return mismatches;
}

function commonMismatches(expect: Expectation, result: ScoreResult): string[] {
  const mismatches: string[] = [];
  const codes = new Set(result.reasons.map((reason) => reason.code));
  for (const code of expect.reasons?.include ?? []) {
    if (!codes.has(code)) mismatches.push(`expected reasons to include "${code}"`);
  }
  for (const code of expect.reasons?.exclude ?? []) {
    if (codes.has(code)) mismatches.push(`expected reasons to exclude "${code}"`);
  }
  if (expect.followUp !== undefined && !followUpMatches(expect.followUp, result.followUp)) {
    mismatches.push(
      `expected follow-up ${describeFollowUp(expect.followUp)}, got ${describeFollowUp(result.followUp)}`,
    );
  }
  return mismatches;
}

// What the case actually got, so the author can fix the rule or the expectation without a rerun.
function outcomeOf(result: ScoreResult): string {
  if (result.status !== 'scored') return `status "${result.status}"`;
  const reasons = result.reasons.map((reason) => reason.code).join(', ') || 'none';
  return `score ${result.score}, reasons: ${reasons}`;
}

/**
 * Compares a decision with what a rule test expects of it. Returns null when every expectation
 * holds, else one message naming each difference, followed by the outcome the case got.
 */
export function checkExpectations(expect: Expectation, result: ScoreResult): string | null {
  const mismatches: string[] = [];
  const expectsScored =
    expect.decision !== undefined ||
    expect.tier !== undefined ||
    expect.score !== undefined ||
    expect.scoreAtLeast !== undefined ||
    expect.scoreAtMost !== undefined;
  if (expect.status !== undefined && expect.status !== result.status) {
    mismatches.push(`expected status "${expect.status}", got "${result.status}"`);
  } else if (expect.status === undefined && expectsScored && result.status !== 'scored') {
    mismatches.push(`expected a scored prospect, got status "${result.status}"`);
  }
  // An unscored answer has no decision, tier or score to compare: the status line says it all.
  if (result.status === 'scored') mismatches.push(...scoredMismatches(expect, result));
  mismatches.push(...commonMismatches(expect, result));
  return mismatches.length === 0 ? null : `${mismatches.join('; ')} (${outcomeOf(result)})`;
}
