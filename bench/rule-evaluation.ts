/**
 * PLACEHOLDER so the runner compiles in this branch: the real section 1 (service evaluator vs stock
 * json-rules-engine) comes from another branch and replaces this file at merge.
 */
import type { BenchSection } from './bench-section';

export async function runRuleEvaluationBench(): Promise<BenchSection> {
  return {
    id: 'ruleEvaluation',
    title: 'Rule evaluation (placeholder: the real section comes from another branch)',
    table: [{ note: 'not measured in this branch' }],
    figures: {},
    targets: [],
  };
}
