import { join } from 'node:path';
import { readRuleSetFiles } from '../../../src/adapters/rule-set-directory';
import { activateRuleSet } from '../../../src/engine/activate-rule-set';
import { placeholderSource } from '../../../src/engine/rule-tests/canned-source';
import { formatTestFailure } from '../../../src/engine/rule-tests/format-test-failure';
import { runRuleTests } from '../../../src/engine/rule-tests/run-rule-tests';
import { formatProblem } from '../../../src/engine/rule-set-problem';

const RULES_DIR = join(__dirname, '..', '..', '..', 'rules');

describe('the default rules and their rule tests (rules/tests)', () => {
  const files = readRuleSetFiles(RULES_DIR);
  const ruleSet = activateRuleSet(files, new Date(), placeholderSource);
  const report = runRuleTests(ruleSet, files, { defaultPhoneRegion: 'US' });

  it('has well-formed test files', async () => {
    expect((await report).problems.map((problem) => formatProblem(problem))).toEqual([]);
  });

  it('passes every case', async () => {
    const { failures, passed } = await report;
    expect(failures.map(formatTestFailure)).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(30);
  });

  it('makes every default rule fire in at least one case', async () => {
    const covered = new Set((await report).coveredRules);
    const uncovered = ruleSet.rules.map((rule) => rule.name).filter((name) => !covered.has(name));
    expect(uncovered).toEqual([]);
    expect(covered.size).toBe(ruleSet.rules.length);
  });
});
