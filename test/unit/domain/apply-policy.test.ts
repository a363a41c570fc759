import { applyPolicy } from '../../../src/domain/apply-policy';
import type { Policy } from '../../../src/domain/policy';
import type { FiredRule, RuleEvent } from '../../../src/domain/rule-event';

const policy: Policy = {
  baseScore: 50,
  clamp: { min: 10, max: 90 },
  tiers: [
    { name: 'D', minScore: 0 },
    { name: 'A', minScore: 80 },
    { name: 'B', minScore: 60 },
  ],
  thresholds: { qualified: 70, nurture: 40 },
};
const fired = (name: string, event: RuleEvent, priority = 1): FiredRule => ({
  name,
  priority,
  event,
});
const score = (name: string, points: number, priority = 1) =>
  fired(name, { type: 'score', params: { points, message: name } }, priority);

describe('applying the policy to the rules that fired', () => {
  it('clamps the score to the policy bounds', () => {
    expect(applyPolicy(policy, [score('up', 100)]).score).toBe(90);
    expect(applyPolicy(policy, [score('down', -100)]).score).toBe(10);
  });

  it('picks the highest tier whose minimum the score reaches, whatever order tiers are listed in', () => {
    expect(applyPolicy(policy, [score('x', 30)]).tier).toBe('A');
    expect(applyPolicy(policy, [score('x', 10)]).tier).toBe('B');
    expect(applyPolicy(policy, []).tier).toBe('D');
  });

  it('decides by thresholds: qualified, nurture, or disqualified below nurture', () => {
    expect(applyPolicy(policy, [score('x', 20)]).decision).toBe('qualified');
    expect(applyPolicy(policy, []).decision).toBe('nurture');
    expect(applyPolicy(policy, [score('x', -20)]).decision).toBe('disqualified');
  });

  it('orders reasons: disqualify, review, then by absolute points, ties by rule priority', () => {
    const outcome = applyPolicy(policy, [
      score('small', 5, 9),
      score('big-negative', -20),
      fired('check', { type: 'review', params: { message: 'check' } }),
      score('tie-low', 10, 1),
      score('tie-high', 10, 5),
      fired('stop', { type: 'disqualify', params: { message: 'stop' } }),
    ]);
    expect(outcome.reasons.map((r) => r.code)).toEqual([
      'stop',
      'check',
      'big-negative',
      'tie-high',
      'tie-low',
      'small',
    ]);
    expect(outcome.decision).toBe('disqualified');
  });

  it('chooses the most urgent route, then the soonest, and lists only that route as a reason', () => {
    const route = (
      name: string,
      priority: 'urgent' | 'high' | 'normal' | 'low',
      withinMinutes: number,
    ) => fired(name, { type: 'route', params: { queue: name, priority, withinMinutes } });
    const outcome = applyPolicy(policy, [
      route('slow', 'low', 5),
      route('soon', 'high', 10),
      route('sooner', 'high', 3),
    ]);
    expect(outcome.followUp).toEqual({ queue: 'sooner', priority: 'high', withinMinutes: 3 });
    expect(outcome.reasons).toEqual([
      { code: 'sooner', points: 0, message: 'Follow up via sooner within 3 min' },
    ]);
  });
});
