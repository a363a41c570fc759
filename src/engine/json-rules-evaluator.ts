import { Almanac, Engine, type RuleProperties } from 'json-rules-engine';
import type { FactResolver, RulesEvaluator } from '../domain/ports';
import type { FiredRule } from '../domain/rule-event';
import type { CompiledRuleSet } from './compile-rule-set';
import { createPathResolver } from './json-path';

/** How many idle engines to keep per rule set; more are built under load and then dropped. */
const MAX_IDLE_ENGINES = 32;

/**
 * Evaluates a compiled rule set with stock json-rules-engine.
 *
 * One Engine is never shared by two runs at once: Engine.run keeps a single `status` flag, so when
 * one run finishes it marks the engine FINISHED and a concurrent run silently skips its remaining
 * priority groups. Engines are therefore pooled and lent to one run at a time.
 */
export class JsonRulesEvaluator implements RulesEvaluator {
  private readonly idle: Engine[] = [];
  private readonly pathResolver = createPathResolver();
  private readonly ruleByName: ReadonlyMap<string, CompiledRuleSet['rules'][number]>;

  constructor(private readonly ruleSet: CompiledRuleSet) {
    this.ruleByName = new Map(ruleSet.rules.map((rule) => [rule.name, rule]));
  }

  async evaluate(facts: FactResolver): Promise<FiredRule[]> {
    const engine = this.idle.pop() ?? this.buildEngine();
    try {
      const almanac = new Almanac({ allowUndefinedFacts: true, pathResolver: this.pathResolver });
      for (const fact of this.ruleSet.factsUsed) {
        almanac.addFact(fact, (params: Record<string, unknown>) => facts(fact, params));
      }
      const { results } = await engine.run({}, { almanac });
      return results.map((result) => {
        const rule = this.ruleByName.get(result.name as string);
        if (rule === undefined)
          throw new Error(`engine returned unknown rule ${String(result.name)}`);
        return { name: rule.name, priority: rule.priority, event: rule.event };
      });
    } finally {
      if (this.idle.length < MAX_IDLE_ENGINES) this.idle.push(engine);
    }
  }

  private buildEngine(): Engine {
    const engine = new Engine([], {
      allowUndefinedFacts: true,
      allowUndefinedConditions: false,
      replaceFactsInEventParams: false,
      pathResolver: this.pathResolver,
    });
    for (const [name, condition] of Object.entries(this.ruleSet.namedConditions)) {
      engine.setCondition(name, condition as Parameters<Engine['setCondition']>[1]);
    }
    for (const rule of this.ruleSet.rules) {
      const properties: RuleProperties = {
        name: rule.name,
        priority: rule.priority,
        conditions: rule.conditions as RuleProperties['conditions'],
        // The event's params are read from the compiled rule, never from the engine's copy.
        event: { type: rule.event.type },
      };
      engine.addRule(properties);
    }
    return engine;
  }
}
