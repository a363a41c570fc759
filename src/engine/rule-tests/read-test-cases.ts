import { formatJsonPath, type RuleSetProblem } from '../rule-set-problem';
import { describeJsonError } from '../describe-json-error';
import { checkCaseReferences } from './check-case-references';
import type { RuleSetReferences } from './rule-set-references';
import { RuleTestCaseSchema, RuleTestFileSchema, type RuleTestCase } from './rule-test-schema';
import { schemaProblems } from './schema-problems';

/** A case ready to run, with where it is in its file. */
export interface LocatedCase {
  file: string;
  /** e.g. `$.cases[3]`. */
  path: string;
  testCase: RuleTestCase;
}

/**
 * Parses one rule-test file and checks each case against the schema and the rule set. Cases are
 * checked one by one, so a malformed case is reported without hiding the results of the others.
 */
export function readTestCases(
  file: string,
  text: string,
  references: RuleSetReferences,
): { cases: LocatedCase[]; problems: RuleSetProblem[] } {
  const problems: RuleSetProblem[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push({ file, path: '$', message: `invalid JSON: ${describeJsonError(error, text)}` });
    return { cases: [], problems };
  }
  const outline = RuleTestFileSchema.safeParse(json);
  if (!outline.success) return { cases: [], problems: schemaProblems(outline.error, file) };

  const cases: LocatedCase[] = [];
  const names = new Map<string, number>();
  outline.data.cases.forEach((entry, index) => {
    const prefix = ['cases', index];
    const parsed = RuleTestCaseSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...schemaProblems(parsed.error, file, prefix));
      return;
    }
    const testCase = parsed.data;
    const wrong = checkCaseReferences(testCase, references);
    const earlier = names.get(testCase.name);
    if (earlier !== undefined) {
      // Failures are reported by name, so two cases with one name could not be told apart.
      wrong.push({ path: ['name'], message: `duplicate case name (also $.cases[${earlier}])` });
    }
    names.set(testCase.name, earlier ?? index);
    for (const problem of wrong) {
      const path = formatJsonPath([...prefix, ...problem.path]);
      problems.push({ file, path, message: problem.message });
    }
    if (wrong.length === 0) cases.push({ file, path: formatJsonPath(prefix), testCase });
  });
  return { cases, problems };
}
