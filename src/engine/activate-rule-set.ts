import type { LookupSource } from '../domain/lookups/lookup-source';
import type { ActiveRuleSet } from '../domain/ports';
import { compileRuleSet, type CompiledRuleSet, type RuleSetFiles } from './compile-rule-set';
import { CompiledEvaluator } from './compiled-evaluator/compiled-evaluator';
import { builtInFacts } from './known-facts';
import type { RuleSetProblem } from './rule-set-problem';
import type { SourceDefinition } from './source-file-schema';

/** A rule set that failed validation; carries every problem so all can be fixed in one pass. */
export class RuleSetInvalidError extends Error {
  constructor(readonly problems: readonly RuleSetProblem[]) {
    super(`rule set is invalid (${problems.length} problem(s))`);
    this.name = 'RuleSetInvalidError';
  }
}

/** Builds the live source for a validated definition (HTTP in production, a fake in tests). */
export type SourceFactory = (definition: SourceDefinition) => LookupSource;

/** Validates rule files and, only if all are valid, builds the rule set decisions will use. */
export function activateRuleSet(
  files: RuleSetFiles,
  loadedAt: Date,
  createSource: SourceFactory,
): ActiveRuleSet {
  const result = compileRuleSet(files, builtInFacts());
  if (!result.ok) throw new RuleSetInvalidError(result.problems);
  return buildActiveRuleSet(result.ruleSet, loadedAt, createSource);
}

/** Turns a validated rule set into one decisions can use: an evaluator and live sources. */
export function buildActiveRuleSet(
  ruleSet: CompiledRuleSet,
  loadedAt: Date,
  createSource: SourceFactory,
): ActiveRuleSet {
  return {
    version: ruleSet.version,
    loadedAt,
    policy: ruleSet.policy,
    rules: ruleSet.rules.map(({ conditions: _conditions, ...summary }) => summary),
    evaluator: new CompiledEvaluator(ruleSet),
    sources: ruleSet.sources.map(createSource),
    files: ruleSet.files,
  };
}
