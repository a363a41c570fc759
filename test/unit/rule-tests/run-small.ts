import { runRuleTests } from '../../../src/engine/rule-tests/run-rule-tests';
import type { RuleTestReport } from '../../../src/engine/rule-tests/format-test-failure';
import { activateSmall, recordingFactory, smallRuleFiles } from './small-rule-set';

/** Runs rule-test files against the small rule set; `calls` lists any live source call made. */
export async function runSmall(
  tests: Record<string, unknown>,
): Promise<{ report: RuleTestReport; calls: string[] }> {
  const files = smallRuleFiles(tests);
  const { factory, calls } = recordingFactory();
  const report = await runRuleTests(activateSmall(files, factory), files, {
    defaultPhoneRegion: 'US',
  });
  return { report, calls };
}

/** One test file holding the given cases. */
export const casesFile = (...cases: unknown[]): Record<string, unknown> => ({
  'tests/small.json': { cases },
});
