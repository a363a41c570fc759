import { Almanac, Engine, type RuleProperties } from 'json-rules-engine';
import type { FactResolver, RulesEvaluator } from '../domain/ports';
import type { FiredRule } from '../domain/rule-event';
import type { CompiledRuleSet } from './compile-rule-set';
import { createPathResolver } from './json-path';

/** How many idle engines to keep per rule set; more are built under load and then dropped. */
const MAX_IDLE_ENGINES = 32;

/**
 * Facts from the signup itself are tested before facts that need a remote lookup, so within an
 * `all` a cheap condition that fails stops the condition before a paid call is made.
 */
const LOCAL_FACT_PRIORITY = 10;
const LOOKUP_FACT_PRIORITY = 1;

/** Carries one run's fact resolver to the engine's (shared, per rule set) fact functions. */
class RunAlmanac extends Almanac {
  constructor(
    options: ConstructorParameters<typeof Almanac>[0],
    readonly resolve: FactResolver,
  ) {
    super(options);
  }
}

/**
 * Evaluates a compiled rule set with stock json-rules-engine.
 *
 * One Engine is never shared by two runs at once: Engine.run keeps a single `status` flag, so when
 * one run finishes it marks the engine FINISHED and a concurrent run silently skips its remaining
 * priority groups. Engines are therefore pooled and lent to one run at a time, which also makes it
 * safe to stop an engine as soon as a disqualify rule fires: lower-priority rules (and the paid
 * lookups they would need) are then never evaluated.
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
      const almanac = new RunAlmanac(
        { allowUndefinedFacts: true, pathResolver: this.pathResolver },
        facts,
      );
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
    for (const fact of this.ruleSet.factsUsed) {
      const priority = this.ruleSet.lookupFacts.has(fact)
        ? LOOKUP_FACT_PRIORITY
        : LOCAL_FACT_PRIORITY;
      engine.addFact(
        fact,
        (params: Record<string, unknown>, almanac: Almanac) =>
          (almanac as RunAlmanac).resolve(fact, params),
        { priority, cache: true },
      );
    }
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
    engine.on('disqualify', () => {
      engine.stop();
    });
    return engine;
  }
}
