import type { RuleTestFailure } from './rule-test-report';

export type { RuleTestFailure, RuleTestReport } from './rule-test-report';

/** `file:JSON-path: message (case "name")`, in the same form as rule-set problems. */
export function formatTestFailure(failure: RuleTestFailure): string {
  return `${failure.file}:${failure.path}: ${failure.message} (case "${failure.name}")`;
}
