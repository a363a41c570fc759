import type { FactResolver, RulesEvaluator } from '../../domain/ports';
import type { FiredRule } from '../../domain/rule-event';
import type { CompiledRuleSet } from '../compile-rule-set';
import type { Outcome } from './combine-conditions';
import { compileRules, type ExecutableRule, type ExecutablePlan } from './compile-rules';
import { FactRun } from './fact-run';

/**
 * Runs a rule set with json-rules-engine's semantics, compiled to closures once per rule set.
 *
 * Semantics kept from stock Engine.run (with allowUndefinedFacts and a disqualify handler that
 * calls engine.stop()): rules run in priority groups, highest first; every rule of a group runs;
 * a fired disqualify ends the run after its group; a fact is asked at most once per run per
 * params; a fact that throws or rejects rejects the run. Conditions follow Rule.evaluate (see
 * compile-condition.ts), so the same facts are asked and the same rules fire.
 *
 * What differs is cost: no Engine, Almanac, RuleResult clone or Promise per condition. While the
 * resolver answers with plain values the whole run is synchronous; a promise from the resolver
 * switches only the conditions that read it to async.
 *
 * Order of fired rules: priority group by group, and inside a group in declaration order. Stock
 * records a group's results in the order their promise chains settle, which depends on each
 * rule's shape (how many promise hops its conditions take, whether it short-circuits, whether it
 * fired and so emitted an extra event) and, with lookups, on network timing; that order carries
 * no meaning and cannot be reproduced for async facts, so we give a stable one instead.
 */
export class CompiledEvaluator implements RulesEvaluator {
  private readonly plan: ExecutablePlan;

  constructor(ruleSet: CompiledRuleSet) {
    this.plan = compileRules(ruleSet);
  }

  evaluate(facts: FactResolver): Promise<FiredRule[]> {
    const run = new FactRun(this.plan.slots, facts);
    try {
      const fired = runGroups(this.plan.groups, 0, run, []);
      return fired instanceof Promise ? fired : Promise.resolve(fired);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
}

type Fired = FiredRule[] | Promise<FiredRule[]>;

function runGroups(
  groups: ExecutableRule[][],
  from: number,
  run: FactRun,
  fired: FiredRule[],
): Fired {
  for (let i = from; i < groups.length; i += 1) {
    const group = groups[i] as ExecutableRule[];
    const outcomes = runGroup(group, run);
    if (outcomes instanceof Promise) {
      return outcomes.then((answers) =>
        collect(group, answers, fired) ? fired : runGroups(groups, i + 1, run, fired),
      );
    }
    if (collect(group, outcomes, fired)) return fired;
  }
  return fired;
}

/** Starts every rule of the group; plain answers if all were synchronous. */
function runGroup(group: ExecutableRule[], run: FactRun): boolean[] | Promise<boolean[]> {
  const outcomes: Outcome[] = new Array<Outcome>(group.length);
  let waiting = false;
  for (let k = 0; k < group.length; k += 1) {
    try {
      outcomes[k] = (group[k] as ExecutableRule).test(run);
    } catch (error) {
      for (let j = 0; j < k; j += 1) {
        const started = outcomes[j];
        if (started instanceof Promise) started.catch(() => undefined);
      }
      throw error;
    }
    if (outcomes[k] instanceof Promise) waiting = true;
  }
  return waiting ? Promise.all(outcomes) : (outcomes as boolean[]);
}

/** Adds the group's fired rules in declaration order; true when one of them disqualifies. */
function collect(
  group: ExecutableRule[],
  answers: readonly boolean[],
  fired: FiredRule[],
): boolean {
  let stop = false;
  for (let k = 0; k < group.length; k += 1) {
    if (answers[k] !== true) continue;
    const rule = group[k] as ExecutableRule;
    fired.push(rule.fired);
    if (rule.stops) stop = true;
  }
  return stop;
}
