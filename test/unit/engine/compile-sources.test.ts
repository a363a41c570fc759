import { compileRuleSet } from '../../../src/engine/compile-rule-set';
import { builtInFacts } from '../../../src/engine/known-facts';
import { formatProblem } from '../../../src/engine/rule-set-problem';
import { loadDefaultRuleFiles, ruleFilesWith } from '../../helpers/build-test-app';

const defaults = JSON.parse(loadDefaultRuleFiles().get('sources.json') as string);
const partner = defaults.sources.find((s: { name: string }) => s.name === 'partner');
const problemsWith = (changes: Record<string, unknown>) => {
  const result = compileRuleSet(ruleFilesWith(changes), builtInFacts());
  return result.ok ? [] : result.problems.map((p) => formatProblem(p));
};
const withPartner = (overrides: Record<string, unknown>) => ({
  'sources.json': {
    sources: defaults.sources.map((s: { name: string }) =>
      s.name === 'partner' ? { ...partner, ...overrides } : s,
    ),
  },
});

describe('validating sources.json like rules', () => {
  it('accepts the default sources', () => {
    expect(problemsWith({})).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a non-http base URL',
      { request: { ...partner.request, baseUrl: 'file:///etc' } },
      /request: baseUrl must be http or https/,
    ],
    [
      'credentials in the base URL',
      { request: { ...partner.request, baseUrl: 'https://u:p@x.com' } },
      /must not carry credentials/,
    ],
    [
      'an unknown template input',
      { request: { ...partner.request, path: '/c/{ssn}' } },
      /unknown input \{ssn\}/,
    ],
    [
      'a query in the path',
      { request: { ...partner.request, path: '/c?x={email}' } },
      /put query parameters in "query"/,
    ],
    [
      'retries of a POST',
      { request: { ...partner.request, method: 'POST' } },
      /retry\.maxAttempts: only idempotent/,
    ],
    [
      'a secret written into the file',
      { auth: { header: 'Authorization', secret: 'abc', secretEnv: 'K' } },
      /auth: Unrecognized key/,
    ],
    [
      'a field with a script path',
      { fields: { x: { path: '$..x', schema: { type: 'string' } } } },
      /fields\.x\.path: /,
    ],
    [
      'a field with an unusable schema',
      { fields: { x: { path: '$.x', schema: { type: 'wat' } } } },
      /fields\.x\.schema: not a usable JSON Schema/,
    ],
    ['a name that shadows a fact', { name: 'email' }, /name: "email" is already a fact name/],
  ])('refuses %s, naming the place', (_name, overrides, expected) => {
    expect(problemsWith(withPartner(overrides)).join('\n')).toMatch(expected);
  });

  it('requires a customer-match source to map isCustomer as a boolean', () => {
    const crm = defaults.sources.find((s: { name: string }) => s.name === 'crm');
    const problems = problemsWith({
      'sources.json': { sources: [{ ...crm, fields: { matchedBy: crm.fields.matchedBy } }] },
      'lookups.rules.json': [],
    });
    expect(problems).toContain(
      'sources.json:$.sources[0].fields: a customer-match source needs an "isCustomer" field of type boolean',
    );
  });

  it('checks that rules read a lookup fact through one of its fields', () => {
    const problems = problemsWith({
      'extra.rules.json': [
        {
          name: 'bad-lookup-path',
          conditions: {
            all: [{ fact: 'partner', path: '$.revenue', operator: 'greaterThan', value: 1 }],
          },
          event: { type: 'score', params: { points: 1, message: 'x' } },
        },
        {
          name: 'bad-status-source',
          conditions: {
            all: [
              {
                fact: 'lookupStatus',
                params: { source: 'bureau' },
                operator: 'equal',
                value: 'unavailable',
              },
            ],
          },
          event: { type: 'review', params: { message: 'x' } },
        },
      ],
    });
    expect(problems).toEqual([
      'extra.rules.json:$[0].conditions.all[0].path: a lookup fact needs a path to one of its fields: $.name, $.employees, $.industry, $.country (rule "bad-lookup-path")',
      'extra.rules.json:$[1].conditions.all[0].params.source: "lookupStatus" needs params.source naming a declared source (rule "bad-status-source")',
    ]);
  });
});
