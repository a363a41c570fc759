import { Engine } from 'json-rules-engine';
import { compileOperator } from '../../../src/engine/compiled-evaluator/compile-operator';
import { BASE_OPERATORS, OPERATOR_DECORATORS } from '../../../src/engine/operators';

/** Stock's own operator map, as an Engine builds it. */
const stockOperators = (
  new Engine() as unknown as {
    operators: { get(name: string): { evaluate(a: unknown, b: unknown): unknown } | null };
  }
).operators;

const EDGE_VALUES: readonly unknown[] = [
  undefined,
  null,
  0,
  -0,
  12,
  NaN,
  Infinity,
  '12',
  '12abc',
  'abc',
  '',
  true,
  [],
  [12],
  ['abc', 12],
  { a: 1 },
];

/** What calling an operator gives: its answer, or the message it throws. */
function outcome(call: () => unknown): unknown {
  try {
    return { answer: call() };
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

const bases = [...BASE_OPERATORS];
const decorated = [...OPERATOR_DECORATORS].flatMap((d) => bases.map((b) => `${d}:${b}`));
const chained = [
  'not:someFact:equal',
  'everyValue:not:in',
  'swap:someValue:lessThan',
  'not:not:equal',
];

describe('compiled operators', () => {
  it.each([...bases, ...decorated, ...chained])(
    '%s answers (or throws) exactly as stock does for every pair of edge values',
    (name) => {
      const ours = compileOperator(name);
      const stock = stockOperators.get(name);
      if (ours === undefined || stock === null) throw new Error(`${name} is not known`);
      for (const factValue of EDGE_VALUES) {
        for (const jsonValue of EDGE_VALUES) {
          expect({
            factValue,
            jsonValue,
            ...(outcome(() => ours(factValue, jsonValue)) as object),
          }).toEqual({
            factValue,
            jsonValue,
            ...(outcome(() => stock.evaluate(factValue, jsonValue)) as object),
          });
        }
      }
    },
  );

  it('treats a numeric-looking string as a number for the validator, as stock does', () => {
    expect(compileOperator('lessThan')?.('12', 20)).toBe(true);
    expect(compileOperator('lessThan')?.('abc', 20)).toBe(false);
    expect(compileOperator('not:lessThan')?.('abc', 20)).toBe(true);
  });

  it('throws stock\'s message when "in" gets a value it cannot search', () => {
    expect(() => compileOperator('in')?.('a', 5)).toThrow('b.indexOf is not a function');
  });

  it('knows no operator stock would not know', () => {
    expect(compileOperator('equals')).toBeUndefined();
    expect(compileOperator('someFacts:equal')).toBeUndefined();
    expect(compileOperator(':equal')).toBeUndefined();
  });
});
