import type { LookupSource } from '../../../src/domain/lookups/lookup-source';
import {
  cannedSource,
  cannedSourcesFor,
  placeholderSource,
  withCannedAnswers,
} from '../../../src/engine/rule-tests/canned-source';

const options = { deadline: Date.now() + 1000, noCache: false };
const live = (name: string): LookupSource => ({
  name,
  kind: 'partner',
  costPerCall: 2,
  inputs: ['companyDomain'],
  hasFresh: () => false,
  fetch: async () => ({ status: 'error', reason: 'live' }),
  close: () => undefined,
});

describe('canned sources', () => {
  it('answer with the canned fields at once, free and without needing inputs', async () => {
    const source = cannedSource(live('partner'), { employees: 12 });
    expect(source).toMatchObject({ name: 'partner', kind: 'partner', costPerCall: 2, inputs: [] });
    expect(source.hasFresh({})).toBe(true);
    expect(await source.fetch({}, options)).toEqual({
      status: 'ok',
      record: { fields: { employees: 12 }, notFound: false, fetchedAt: expect.any(Date) },
    });
  });

  it.each([
    [
      'not_found',
      { status: 'ok', record: expect.objectContaining({ notFound: true, fields: {} }) },
    ],
    ['unavailable', { status: 'error', reason: expect.any(String) }],
    ['timeout', { status: 'timeout', reason: expect.any(String) }],
  ] as const)('answer %s as the session expects', async (outcome, answer) => {
    expect(await cannedSource(live('partner'), outcome).fetch({}, options)).toEqual(answer);
  });

  it('for rule tests, replace every source, and a source not mentioned has no record', async () => {
    const sources = cannedSourcesFor([live('partner'), live('credit')], { credit: 'timeout' });
    expect(await sources[0]?.fetch({}, options)).toMatchObject({ record: { notFound: true } });
    expect(await sources[1]?.fetch({}, options)).toMatchObject({ status: 'timeout' });
  });

  it('for dry runs, replace only the sources mentioned', () => {
    const partner = live('partner');
    const credit = live('credit');
    const sources = withCannedAnswers([partner, credit], { credit: 'unavailable' });
    expect(sources[0]).toBe(partner);
    expect(sources[1]).not.toBe(credit);
    expect(withCannedAnswers([partner], undefined)).toEqual([partner]);
  });

  it('take no answer from inherited properties of the canned lookups', async () => {
    const [source] = cannedSourcesFor([live('toString')], {});
    expect(await source?.fetch({}, options)).toMatchObject({ record: { notFound: true } });
  });

  it('stand in for live sources in rules:check without any network or secret', async () => {
    const definition = { name: 'credit', kind: 'credit', costPerCall: 1.5 } as Parameters<
      typeof placeholderSource
    >[0];
    const source = placeholderSource(definition);
    expect(source).toMatchObject({ name: 'credit', kind: 'credit', costPerCall: 1.5 });
    expect(await source.fetch({}, options)).toMatchObject({ status: 'error' });
  });
});
