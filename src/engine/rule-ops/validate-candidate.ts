import type { RuleSetFiles } from '../compile-rule-set';
import { prepareRuleSet } from '../prepare-rule-set';
import type { RuleSetProblem } from '../rule-set-problem';
import type { RuleTestFailure } from '../rule-tests/format-test-failure';
import { offlineCandidateSources } from './candidate-sources';

export interface ValidationReport {
  valid: boolean;
  /** The version the candidate would have, when valid. */
  version: string | null;
  rules: number;
  problems: RuleSetProblem[];
  tests: { passed: number; failed: number; failures: RuleTestFailure[] };
  /** Rules no rule test makes fire (a warning, not a failure). */
  uncoveredRules: string[];
}

/** Checks a candidate rule set exactly as a reload would, without activating anything. */
export async function validateCandidate(
  files: RuleSetFiles,
  options: {
    defaultPhoneRegion: string;
    env: Readonly<Record<string, string | undefined>>;
    now: Date;
  },
): Promise<ValidationReport> {
  const result = await prepareRuleSet(files, {
    loadedAt: options.now,
    createSource: offlineCandidateSources({ env: options.env }),
    defaultPhoneRegion: options.defaultPhoneRegion,
  });
  const tests = result.tests ?? {
    passed: 0,
    failed: 0,
    failures: [],
    coveredRules: [],
    problems: [],
  };
  const summary = { passed: tests.passed, failed: tests.failed, failures: tests.failures };
  if (!result.ok) {
    return {
      valid: false,
      version: null,
      rules: 0,
      problems: result.problems,
      tests: summary,
      uncoveredRules: [],
    };
  }
  const covered = new Set(tests.coveredRules);
  return {
    valid: true,
    version: result.ruleSet.version,
    rules: result.ruleSet.rules.length,
    problems: [],
    tests: summary,
    uncoveredRules: result.ruleSet.rules
      .map((rule) => rule.name)
      .filter((name) => !covered.has(name)),
  };
}
