import type { Policy } from './policy';
import type { Decision, FiredRule, FollowUpPriority, RuleEvent } from './rule-event';

export interface Reason {
  code: string;
  points: number;
  message: string;
  publicMessage?: string;
}

export interface FollowUp {
  priority: FollowUpPriority;
  withinMinutes: number;
  queue: string;
}

export interface Outcome {
  score: number;
  tier: string;
  decision: Decision;
  reasons: Reason[];
  followUp: FollowUp | null;
}

/** Disqualify and review decide the outcome whatever the points, so they lead the reasons. */
const EVENT_WEIGHT: Record<RuleEvent['type'], number> = {
  disqualify: 0,
  review: 1,
  score: 2,
  route: 3,
};
const PRIORITY_RANK: Record<FollowUpPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * Turns the rules that fired into the answer. Disqualify beats review beats the score
 * thresholds; the score is the base plus every rule's points, clamped.
 */
export function applyPolicy(policy: Policy, fired: readonly FiredRule[]): Outcome {
  const points = fired.reduce((sum, rule) => sum + pointsOf(rule.event), 0);
  const raw = Math.round(policy.baseScore + points);
  const score = Math.min(policy.clamp.max, Math.max(policy.clamp.min, raw));
  const decision = decide(policy, fired, score);
  const route = chooseRoute(fired, decision);
  // Route rules are instructions, not facts about the person: only the one that set the
  // follow-up is a reason; routes for other decisions, or less urgent ones, are left out.
  const reasons = fired.filter((rule) => rule.event.type !== 'route' || rule === route);
  return {
    score,
    tier: tierFor(policy, score),
    decision,
    reasons: reasonsFor(reasons),
    followUp: route === undefined ? null : followUpOf(route),
  };
}

function pointsOf(event: RuleEvent): number {
  return event.type === 'route' ? 0 : (event.params.points ?? 0);
}

function decide(policy: Policy, fired: readonly FiredRule[], score: number): Decision {
  if (fired.some((rule) => rule.event.type === 'disqualify')) return 'disqualified';
  if (fired.some((rule) => rule.event.type === 'review')) return 'review';
  if (score >= policy.thresholds.qualified) return 'qualified';
  if (score >= policy.thresholds.nurture) return 'nurture';
  return 'disqualified';
}

function tierFor(policy: Policy, score: number): string {
  let best: Policy['tiers'][number] | undefined;
  for (const tier of policy.tiers) {
    if (tier.minScore <= score && (best === undefined || tier.minScore > best.minScore))
      best = tier;
  }
  // The policy schema guarantees a tier at or below the clamp minimum, so best is always set.
  return best?.name ?? (policy.tiers[policy.tiers.length - 1]?.name as string);
}

function reasonsFor(fired: readonly FiredRule[]): Reason[] {
  return fired
    .map((rule, order) => ({ rule, order, reason: reasonFor(rule) }))
    .sort(
      (a, b) =>
        EVENT_WEIGHT[a.rule.event.type] - EVENT_WEIGHT[b.rule.event.type] ||
        Math.abs(b.reason.points) - Math.abs(a.reason.points) ||
        b.rule.priority - a.rule.priority ||
        a.order - b.order,
    )
    .map(({ reason }) => reason);
}

function reasonFor(rule: FiredRule): Reason {
  const { event } = rule;
  const message =
    event.type === 'route'
      ? (event.params.message ??
        `Follow up via ${event.params.queue} within ${event.params.withinMinutes} min`)
      : event.params.message;
  const reason: Reason = { code: rule.name, points: pointsOf(event), message };
  if (event.params.publicMessage !== undefined) reason.publicMessage = event.params.publicMessage;
  return reason;
}

/** The most urgent route rule that applies to the final decision (ties: the first to fire). */
function chooseRoute(fired: readonly FiredRule[], decision: Decision): FiredRule | undefined {
  let best: { rule: FiredRule; followUp: FollowUp } | undefined;
  for (const rule of fired) {
    const followUp = followUpOf(rule);
    if (followUp === null || rule.event.type !== 'route') continue;
    const { whenDecision } = rule.event.params;
    const applies = whenDecision ? whenDecision.includes(decision) : decision !== 'disqualified';
    if (applies && (best === undefined || isMoreUrgent(followUp, best.followUp))) {
      best = { rule, followUp };
    }
  }
  return best?.rule;
}

function followUpOf(rule: FiredRule): FollowUp | null {
  if (rule.event.type !== 'route') return null;
  const { priority, withinMinutes, queue } = rule.event.params;
  return { priority, withinMinutes, queue };
}

function isMoreUrgent(a: FollowUp, b: FollowUp): boolean {
  return (
    PRIORITY_RANK[a.priority] < PRIORITY_RANK[b.priority] ||
    (a.priority === b.priority && a.withinMinutes < b.withinMinutes)
  );
}
