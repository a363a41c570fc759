import type { RuleSetProblem } from '../rule-set-problem';

/** A case that ran and did not give the answer it expects. */
export interface RuleTestFailure {
  /** The test file, e.g. `tests/basic.json`. */
  file: string;
  /** JSON path of the case in its file, e.g. `$.cases[3]`. */
  path: string;
  name: string;
  /** What differed, e.g. `expected decision "qualified", got "nurture" (score 55, reasons: ...)`. */
  message: string;
}

export interface RuleTestReport {
  passed: number;
  failed: number;
  failures: RuleTestFailure[];
  /**
   * Malformed test files or cases (bad JSON, schema, unknown source), with file `tests/x.json`
   * and a JSON path; such cases do not run.
   */
  problems: RuleSetProblem[];
  /** Names of the rules that fired (appeared in `reasons`) in at least one case. */
  coveredRules: string[];
}
