import type { ActiveRuleSet } from '../../domain/ports';
import { scoreProspect, type ScoreResult, type ScoringDeps } from '../../domain/score-prospect';
import type { RuleSetFiles } from '../compile-rule-set';
import { isRuleTestFile } from '../rule-file-schema';
import { cannedSourcesFor } from './canned-source';
import { checkExpectations } from './check-expectations';
import { readTestCases, type LocatedCase } from './read-test-cases';
import { ruleSetReferences } from './rule-set-references';
import type { RuleTestReport } from './rule-test-report';

export interface RuleTestOptions {
  defaultPhoneRegion: string;
}

// Fixed so that a case's answer never depends on when the tests run.
const TEST_CLOCK = { now: () => new Date('2026-01-01T00:00:00Z') };

function scoreCase(
  ruleSet: ActiveRuleSet,
  { testCase }: LocatedCase,
  options: RuleTestOptions,
): Promise<ScoreResult> {
  const canned: ActiveRuleSet = {
    ...ruleSet,
    sources: cannedSourcesFor(ruleSet.sources, testCase.lookups),
  };
  // No `hits`: a test decides nothing, so it must not count as a live rule hit.
  const deps: ScoringDeps = {
    rules: { current: () => canned },
    customers: { match: async () => null },
    newId: () => 'rule-test',
    signals: { defaultPhoneRegion: options.defaultPhoneRegion },
    clock: TEST_CLOCK,
    deadlineMs: 1500,
    scoreUnverified: false,
  };
  return scoreProspect(deps, testCase.prospect);
}

/**
 * Runs the rule tests in a rule set's files (`tests/*.json`) against the rule set, with the real
 * scoring code and canned lookups only: no test ever calls a source.
 */
export async function runRuleTests(
  ruleSet: ActiveRuleSet,
  files: RuleSetFiles,
  options: RuleTestOptions,
): Promise<RuleTestReport> {
  const report: RuleTestReport = {
    passed: 0,
    failed: 0,
    failures: [],
    problems: [],
    coveredRules: [],
  };
  const references = ruleSetReferences(ruleSet, files);
  const fired = new Set<string>();
  const testFiles = [...files]
    .filter(([name]) => isRuleTestFile(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [file, text] of testFiles) {
    const { cases, problems } = readTestCases(file, text, references);
    report.problems.push(...problems);
    for (const located of cases) {
      let message: string | null;
      try {
        const result = await scoreCase(ruleSet, located, options);
        for (const reason of result.reasons) fired.add(reason.code);
        message = checkExpectations(located.testCase.expect, result);
      } catch (error) {
        message = `scoring failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (message === null) {
        report.passed += 1;
      } else {
        report.failed += 1;
        const { file: caseFile, path, testCase } = located;
        report.failures.push({ file: caseFile, path, name: testCase.name, message });
      }
    }
  }
  report.coveredRules = ruleSet.rules.map((rule) => rule.name).filter((name) => fired.has(name));
  return report;
}
