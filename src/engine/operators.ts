/** json-rules-engine 7's built-in operators and decorators: the operator vocabulary ops may use. */
export const BASE_OPERATORS: ReadonlySet<string> = new Set([
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
]);

export const OPERATOR_DECORATORS: ReadonlySet<string> = new Set([
  'someFact',
  'someValue',
  'everyFact',
  'everyValue',
  'swap',
  'not',
]);

/** `not:in`, `everyFact:greaterThan` and plain `equal` are known; `equals` is not. */
export function isKnownOperator(operator: string): boolean {
  const parts = operator.split(':');
  const base = parts.pop() as string;
  return BASE_OPERATORS.has(base) && parts.every((part) => OPERATOR_DECORATORS.has(part));
}
