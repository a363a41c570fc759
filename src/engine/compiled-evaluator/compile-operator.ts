/**
 * json-rules-engine 7's operators and decorators, reproduced as plain functions so a compiled
 * condition calls one closure instead of looking an Operator up and wrapping it on every run.
 *
 * The bodies mirror stock's on purpose, down to parameter names: a value of the wrong type
 * makes stock throw (`b.indexOf is not a function`) and the run reject, and we must reject with
 * the same message. Validators run before the callback exactly as stock's Operator.evaluate does
 * (`validator(factValue) && callback(factValue, jsonValue)`), so a numeric operator on a
 * non-number is false and `not:` turns that into true.
 */

/** A compiled operator: the fact's value on the left, the condition's value on the right. */
export type OperatorFn = (factValue: unknown, jsonValue: unknown) => boolean;

type Indexable = { indexOf(value: unknown): number };
type ArrayLike = { some(test: (item: unknown) => boolean): boolean } & {
  every(test: (item: unknown) => boolean): boolean;
};
type Validator = (factValue: unknown) => boolean;

const anyValue: Validator = () => true;

/** Stock's test; the number branch is a shortcut with the same answer (only NaN fails). */
function numberValidator(factValue: unknown): boolean {
  if (typeof factValue === 'number') return factValue === factValue;
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

const withValidator = (validator: Validator, callback: OperatorFn): OperatorFn =>
  validator === anyValue
    ? callback
    : (factValue, jsonValue) => validator(factValue) && callback(factValue, jsonValue);

const BASE: ReadonlyMap<string, OperatorFn> = new Map<string, OperatorFn>([
  ['equal', (a, b) => a === b],
  ['notEqual', (a, b) => a !== b],
  ['in', (a, b) => (b as Indexable).indexOf(a) > -1],
  ['notIn', (a, b) => (b as Indexable).indexOf(a) === -1],
  ['contains', withValidator(Array.isArray, (a, b) => (a as Indexable).indexOf(b) > -1)],
  ['doesNotContain', withValidator(Array.isArray, (a, b) => (a as Indexable).indexOf(b) === -1)],
  ['lessThan', withValidator(numberValidator, (a, b) => (a as number) < (b as number))],
  ['lessThanInclusive', withValidator(numberValidator, (a, b) => (a as number) <= (b as number))],
  ['greaterThan', withValidator(numberValidator, (a, b) => (a as number) > (b as number))],
  [
    'greaterThanInclusive',
    withValidator(numberValidator, (a, b) => (a as number) >= (b as number)),
  ],
]);

type Decorator = (next: OperatorFn) => OperatorFn;

const DECORATORS: ReadonlyMap<string, Decorator> = new Map<string, Decorator>([
  [
    'someFact',
    (next) =>
      withValidator(Array.isArray, (factValue, jsonValue) =>
        (factValue as ArrayLike).some((fv) => next(fv, jsonValue)),
      ),
  ],
  [
    'someValue',
    (next) => (factValue, jsonValue) => (jsonValue as ArrayLike).some((jv) => next(factValue, jv)),
  ],
  [
    'everyFact',
    (next) =>
      withValidator(Array.isArray, (factValue, jsonValue) =>
        (factValue as ArrayLike).every((fv) => next(fv, jsonValue)),
      ),
  ],
  [
    'everyValue',
    (next) => (factValue, jsonValue) => (jsonValue as ArrayLike).every((jv) => next(factValue, jv)),
  ],
  ['swap', (next) => (factValue, jsonValue) => next(jsonValue, factValue)],
  ['not', (next) => (factValue, jsonValue) => !next(factValue, jsonValue)],
]);

/**
 * Builds the operator a condition names (`equal`, `not:in`, `everyFact:someValue:equal`):
 * decorators are read left to right and the leftmost one is applied last (outermost), as stock's
 * OperatorMap does. Returns undefined for a name stock would not know.
 */
export function compileOperator(name: string): OperatorFn | undefined {
  const base = BASE.get(name);
  if (base !== undefined) return base;
  const colon = name.indexOf(':');
  if (colon <= 0) return undefined;
  const decorator = DECORATORS.get(name.slice(0, colon));
  const inner = compileOperator(name.slice(colon + 1));
  return decorator === undefined || inner === undefined ? undefined : decorator(inner);
}
