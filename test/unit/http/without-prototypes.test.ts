import { parseInput } from '../../../src/http/parse-input';
import { ScoreRequestSchema, splitRequest } from '../../../src/http/request-schemas';
import { withoutPrototypes } from '../../../src/http/without-prototypes';

function everyObject(value: unknown, found: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return found;
  if (!Array.isArray(value)) found.push(value);
  for (const item of Object.values(value)) everyObject(item, found);
  return found;
}

describe('request data is handed on without prototypes', () => {
  it('copies every nested object without a prototype and keeps arrays, values and keys', () => {
    const input = { a: 1, b: { c: [{ d: 'x' }, 2, null], e: { f: true } } };
    const copy = withoutPrototypes(input);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(input));
    expect(Array.isArray(copy.b.c)).toBe(true);
    for (const object of everyObject(copy)) expect(Object.getPrototypeOf(object)).toBeNull();
  });

  it('gives a scored prospect, its company, consent and attributes no prototype', () => {
    const parsed = parseInput(ScoreRequestSchema, {
      email: 'sam@northwind.example',
      company: { domain: 'northwind.example', employees: 40 },
      consent: { creditCheck: true },
      attributes: { plan: 'team' },
      maxLookupCost: 1,
    });
    const { prospect } = splitRequest(parsed, {});
    const objects = everyObject(prospect);
    expect(objects.length).toBe(4);
    for (const object of objects) expect(Object.getPrototypeOf(object)).toBeNull();
    // A key the caller never sent finds nothing, not an inherited function.
    expect((prospect as Record<string, unknown>).toString).toBeUndefined();
  });
});
