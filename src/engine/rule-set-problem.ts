/** One thing wrong with a rule set, pinned to a file and a JSON path inside it. */
export interface RuleSetProblem {
  file: string;
  /** JSON path inside the file, e.g. `$[3].conditions.all[1].fact`. */
  path: string;
  /** The rule's name when the problem is inside a rule. */
  rule?: string;
  message: string;
}

export function formatJsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const key = String(segment);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;
  }, '$');
}

/** `file:JSON-path: message (rule "name")`, the form editors and CI logs can jump to. */
export function formatProblem(problem: RuleSetProblem, dir?: string): string {
  const file = dir ? `${dir.replace(/\/$/, '')}/${problem.file}` : problem.file;
  const rule = problem.rule ? ` (rule "${problem.rule}")` : '';
  return `${file}:${problem.path}: ${problem.message}${rule}`;
}
