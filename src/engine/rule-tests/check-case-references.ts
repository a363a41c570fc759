import type { RuleSetReferences } from './rule-set-references';
import type { RuleTestCase } from './rule-test-schema';

export interface ReferenceProblem {
  /** Path inside the case. */
  path: PropertyKey[];
  message: string;
}

const listOf = (names: Iterable<string>): string =>
  [...names].map((name) => `"${name}"`).join(', ') || 'none';

/**
 * Names in a case that the rule set does not have. A misspelt source, field, rule or tier would
 * otherwise make a case pass or fail for the wrong reason (an excluded rule that does not exist
 * is never in the reasons), so these are problems with the test, not failures of the rules.
 */
export function checkCaseReferences(
  testCase: RuleTestCase,
  references: RuleSetReferences,
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  for (const [name, canned] of Object.entries(testCase.lookups ?? {})) {
    if (!references.sources.has(name)) {
      problems.push({
        path: ['lookups', name],
        message: `unknown source "${name}" (sources.json declares ${listOf(references.sources.keys())})`,
      });
      continue;
    }
    const fields = references.sources.get(name);
    if (fields === undefined || typeof canned === 'string') continue;
    for (const field of Object.keys(canned)) {
      if (!fields.has(field)) {
        problems.push({
          path: ['lookups', name, field],
          message: `source "${name}" has no field "${field}" (its fields: ${listOf(fields)})`,
        });
      }
    }
  }
  const { tier, reasons } = testCase.expect;
  if (tier !== undefined && !references.tiers.has(tier)) {
    problems.push({
      path: ['expect', 'tier'],
      message: `unknown tier "${tier}" (policy.json has ${listOf(references.tiers)})`,
    });
  }
  for (const list of ['include', 'exclude'] as const) {
    reasons?.[list]?.forEach((rule, index) => {
      if (!references.rules.has(rule)) {
        problems.push({
          path: ['expect', 'reasons', list, index],
          message: `unknown rule "${rule}"`,
        });
      }
    });
  }
  return problems;
}
