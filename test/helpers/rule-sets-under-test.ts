import { join } from 'node:path';
import { readRuleSetFiles } from '../../src/adapters/rule-set-directory';
import type { SourceFactory } from '../../src/engine/activate-rule-set';
import {
  compileRuleSet,
  type CompiledRuleSet,
  type RuleSetFiles,
} from '../../src/engine/compile-rule-set';
import { builtInFacts } from '../../src/engine/known-facts';
import { fakeSource } from './fake-source';
import { generateRuleSet } from './generate-rule-set';

const RULES_DIR = join(__dirname, '..', '..', 'rules');

/** The rule files shipped in rules/ (the default rule set). */
export function defaultRuleFiles(): RuleSetFiles {
  return readRuleSetFiles(RULES_DIR);
}

/** The generated 100-rule set with the default policy and sources (its lookup facts). */
export function generatedRuleFiles(): RuleSetFiles {
  const defaults = defaultRuleFiles();
  const { conditions, rules } = generateRuleSet();
  return new Map([
    ['policy.json', defaults.get('policy.json') as string],
    ['sources.json', defaults.get('sources.json') as string],
    ['conditions.json', JSON.stringify(conditions)],
    ['generated.rules.json', JSON.stringify(rules)],
  ]);
}

/** Compiles with the real validator; a generated set that does not validate is a test bug. */
export function compileOrThrow(files: RuleSetFiles): CompiledRuleSet {
  const result = compileRuleSet(files, builtInFacts());
  if (!result.ok) throw new Error(`rule set invalid: ${JSON.stringify(result.problems)}`);
  return result.ruleSet;
}

/** Sources are irrelevant to evaluation (facts come from the resolver); this one is never asked. */
export const unusedSource: SourceFactory = fakeSource(() =>
  Promise.reject(new Error('evaluation tests never fetch')),
);
