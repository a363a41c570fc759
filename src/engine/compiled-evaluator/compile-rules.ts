import type { FiredRule } from '../../domain/rule-event';
import type { CompiledRuleSet } from '../compile-rule-set';
import type { CompiledCondition } from './combine-conditions';
import { compileCondition, type ConditionScope } from './compile-condition';
import type { FactSlot } from './fact-run';

/**
 * Facts from the signup itself are tested before facts that need a remote lookup, so within an
 * `all` a cheap condition that fails stops the condition before a paid call is made.
 */
export const LOCAL_FACT_PRIORITY = 10;
export const LOOKUP_FACT_PRIORITY = 1;

export interface ExecutableRule {
  fired: FiredRule;
  /** A disqualification ends the run once its priority group is done (stock's engine.stop()). */
  stops: boolean;
  test: CompiledCondition;
}

/** A rule set turned into closures: rule groups by priority (highest first) and fact slots. */
export interface ExecutablePlan {
  groups: ExecutableRule[][];
  slots: FactSlot[];
}

/** A key equal for equal params whatever their key order, as stock's hashed cache key is. */
function paramsKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(paramsKey).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${paramsKey(v)}`).join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

export function compileRules(ruleSet: CompiledRuleSet): ExecutablePlan {
  const slots: FactSlot[] = [];
  const slotByKey = new Map<string, number>();
  const named = new Map<string, { run: CompiledCondition }>();
  const scope: ConditionScope = {
    factPriority: (fact) => {
      if (!ruleSet.factsUsed.has(fact)) return undefined;
      return ruleSet.lookupFacts.has(fact) ? LOOKUP_FACT_PRIORITY : LOCAL_FACT_PRIORITY;
    },
    namedCondition: (name) => named.get(name),
    slotFor: (fact, params) => {
      const key = `${fact}\u0000${paramsKey(params)}`;
      let slot = slotByKey.get(key);
      if (slot === undefined) {
        slot = slots.length;
        slots.push({ fact, params, declared: ruleSet.factsUsed.has(fact) });
        slotByKey.set(key, slot);
      }
      return slot;
    },
  };
  for (const [name, condition] of Object.entries(ruleSet.namedConditions)) {
    named.set(name, { run: compileCondition(condition as Record<string, unknown>, scope) });
  }
  const byPriority = new Map<number, ExecutableRule[]>();
  for (const rule of ruleSet.rules) {
    const group = byPriority.get(rule.priority) ?? [];
    group.push({
      fired: { name: rule.name, priority: rule.priority, event: rule.event },
      stops: rule.event.type === 'disqualify',
      test: compileCondition(rule.conditions as Record<string, unknown>, scope),
    });
    byPriority.set(rule.priority, group);
  }
  const groups = [...byPriority.entries()].sort(([a], [b]) => b - a).map(([, group]) => group);
  return { groups, slots };
}
