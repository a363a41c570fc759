import type { ActiveRuleSet } from '../domain/ports';
import { buildActiveRuleSet, type SourceFactory } from './activate-rule-set';
import { compileRuleSet, type RuleSetFiles } from './compile-rule-set';
import { builtInFacts } from './known-facts';
import { formatTestFailure, type RuleTestReport } from './rule-tests/format-test-failure';
import { runRuleTests } from './rule-tests/run-rule-tests';
import { SOURCES_FILE } from './source-file-schema';
import { formatProblem, type RuleSetProblem } from './rule-set-problem';

export interface PrepareOptions {
  loadedAt: Date;
  createSource: SourceFactory;
  defaultPhoneRegion: string;
}

export type PrepareResult =
  | { ok: true; ruleSet: ActiveRuleSet; tests: RuleTestReport }
  | {
      ok: false;
      problems: RuleSetProblem[];
      tests?: RuleTestReport;
      /** Every problem and failing rule test, one `file:JSON-path: message` line each. */
      errors: string[];
    };

/**
 * Everything that must hold before a rule set may decide anything: its files are valid as one
 * unit, its sources can be built, and its rule tests pass. Used at start-up, on every reload and
 * by POST /v1/rules/validate, so all three accept exactly the same rule sets (`rules:check` runs
 * the same compile and tests, with placeholder sources since it calls nothing).
 */
export async function prepareRuleSet(
  files: RuleSetFiles,
  options: PrepareOptions,
): Promise<PrepareResult> {
  const compiled = compileRuleSet(files, builtInFacts());
  if (!compiled.ok) {
    return {
      ok: false,
      problems: compiled.problems,
      errors: compiled.problems.map((p) => formatProblem(p)),
    };
  }
  let ruleSet: ActiveRuleSet;
  try {
    ruleSet = buildActiveRuleSet(compiled.ruleSet, options.loadedAt, options.createSource);
  } catch (error) {
    const problem = { file: SOURCES_FILE, path: '$', message: (error as Error).message };
    return { ok: false, problems: [problem], errors: [formatProblem(problem)] };
  }
  const tests = await runRuleTests(ruleSet, files, {
    defaultPhoneRegion: options.defaultPhoneRegion,
  });
  if (tests.problems.length > 0 || tests.failed > 0) {
    return {
      ok: false,
      problems: tests.problems,
      tests,
      errors: [
        ...tests.problems.map((p) => formatProblem(p)),
        ...tests.failures.map(formatTestFailure),
      ],
    };
  }
  return { ok: true, ruleSet, tests };
}
