import type { z } from 'zod';
import { formatJsonPath, type RuleSetProblem } from '../rule-set-problem';

/**
 * One problem per schema issue, at its JSON path. An unknown key is pinned to the key itself,
 * so a typo such as `decison` points at the line to fix rather than at the object around it.
 */
export function schemaProblems(
  error: z.ZodError,
  file: string,
  prefix: readonly PropertyKey[] = [],
): RuleSetProblem[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        path: formatJsonPath([...path, key]),
        message: `unknown key "${key}"`,
      }));
    }
    return [{ file, path: formatJsonPath(path), message: issue.message }];
  });
}
