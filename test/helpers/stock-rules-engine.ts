import { Almanac, Engine, type RuleProperties } from 'json-rules-engine';
import type { FactResolver } from '../../src/domain/ports';
import type { CompiledRuleSet } from '../../src/engine/compile-rule-set';
import {
  LOCAL_FACT_PRIORITY,
  LOOKUP_FACT_PRIORITY,
} from '../../src/engine/compiled-evaluator/compile-rules';
import { createPathResolver } from '../../src/engine/json-path';

/** Carries one run's fact resolver to the engine's (shared) fact functions. */
class RunAlmanac extends Almanac {
  constructor(
    options: ConstructorParameters<typeof Almanac>[0],
    readonly resolve: FactResolver,
  ) {
    super(options);
  }
}

/**
 * Stock json-rules-engine configured exactly as the service ran it before the compiled
 * evaluator (the reference the differential test and the benchmark compare against): undefined
 * facts allowed, our path resolver, local facts before lookup facts, and engine.stop() on a
 * disqualify event. One engine must not serve two runs at once (Engine.run keeps one status).
 */
export class StockRulesEngine {
  private engine: Engine;
  private readonly pathResolver = createPathResolver();

  constructor(private readonly ruleSet: CompiledRuleSet) {
    this.engine = this.build();
  }

  private build(): Engine {
    const ruleSet = this.ruleSet;
    const engine = new Engine([], {
      allowUndefinedFacts: true,
      allowUndefinedConditions: false,
      replaceFactsInEventParams: false,
      pathResolver: this.pathResolver,
    });
    for (const fact of ruleSet.factsUsed) {
      const priority = ruleSet.lookupFacts.has(fact) ? LOOKUP_FACT_PRIORITY : LOCAL_FACT_PRIORITY;
      engine.addFact(
        fact,
        (params: Record<string, unknown>, almanac: Almanac) =>
          (almanac as RunAlmanac).resolve(fact, params),
        { priority, cache: true },
      );
    }
    for (const [name, condition] of Object.entries(ruleSet.namedConditions)) {
      engine.setCondition(name, condition as Parameters<Engine['setCondition']>[1]);
    }
    for (const rule of ruleSet.rules) {
      const properties: RuleProperties = {
        name: rule.name,
        priority: rule.priority,
        conditions: rule.conditions as RuleProperties['conditions'],
        event: { type: rule.event.type },
      };
      engine.addRule(properties);
    }
    engine.on('disqualify', () => {
      engine.stop();
    });
    return engine;
  }

  /** Names of the fired rules in the order stock reports them. */
  async run(facts: FactResolver): Promise<string[]> {
    const almanac = new RunAlmanac(
      { allowUndefinedFacts: true, pathResolver: this.pathResolver },
      facts,
    );
    try {
      const { results } = await this.engine.run({}, { almanac });
      return results.map((result) => String(result.name));
    } catch (error) {
      // A rejected Engine.run keeps evaluating its remaining priority groups in the background
      // and then marks the engine FINISHED, which would cut short the next run: start afresh.
      this.engine = this.build();
      throw error;
    }
  }
}
