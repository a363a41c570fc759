import { compileRuleSet } from '../../../src/engine/compile-rule-set';
import { builtInFacts } from '../../../src/engine/known-facts';
import { formatProblem } from '../../../src/engine/rule-set-problem';
import { loadDefaultRuleFiles, ruleFilesWith } from '../../helpers/build-test-app';

const facts = builtInFacts();
const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'a-rule',
  priority: 5,
  conditions: { all: [{ fact: 'emailDomainKind', operator: 'equal', value: 'free' }] },
  event: { type: 'score', params: { points: 5, message: 'Five' } },
  ...overrides,
});
const problemsFor = (rules: unknown, extra: Record<string, unknown> = {}) => {
  const result = compileRuleSet(ruleFilesWith({ 'extra.rules.json': rules, ...extra }), facts);
  return result.ok ? [] : result.problems.map((p) => formatProblem(p));
};

describe('compiling a rule set', () => {
  it('accepts the default rules and versions them by content', () => {
    const result = compileRuleSet(loadDefaultRuleFiles(), facts);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ruleSet.rules.length).toBeGreaterThanOrEqual(20);
    expect(result.ruleSet.rules.length).toBeLessThanOrEqual(30);
    const again = compileRuleSet(loadDefaultRuleFiles(), facts);
    expect(again.ok && again.ruleSet.version).toBe(result.ruleSet.version);
    const changed = compileRuleSet(ruleFilesWith({ 'extra.rules.json': [rule()] }), facts);
    expect(changed.ok && changed.ruleSet.version).not.toBe(result.ruleSet.version);
  });

  it.each<[string, unknown, string]>([
    [
      'an unknown event type',
      [rule({ event: { type: 'bonus', params: {} } })],
      'extra.rules.json:$[0].event.type: unknown event type "bonus" (expected score, disqualify, review, route) (rule "a-rule")',
    ],
    [
      'an unknown fact',
      [rule({ conditions: { any: [{ fact: 'emial', operator: 'equal', value: 1 }] } })],
      'extra.rules.json:$[0].conditions.any[0].fact: unknown fact "emial" (rule "a-rule")',
    ],
    [
      'an unknown operator',
      [rule({ conditions: { all: [{ fact: 'country', operator: 'equals', value: 'US' }] } })],
      'extra.rules.json:$[0].conditions.all[0].operator: unknown operator "equals" (rule "a-rule")',
    ],
    [
      'points that are not a number',
      [rule({ event: { type: 'score', params: { points: 'ten', message: 'x' } } })],
      'extra.rules.json:$[0].event.params.points: points must be a number (rule "a-rule")',
    ],
    [
      'a misspelt event parameter',
      [rule({ event: { type: 'score', params: { point: 10, message: 'x' } } })],
      'extra.rules.json:$[0].event.params.points: points must be a number (rule "a-rule")',
    ],
    [
      'a script path',
      [
        rule({
          conditions: {
            all: [{ fact: 'company', path: '$..[?(@.x)]', operator: 'equal', value: 1 }],
          },
        }),
      ],
      'extra.rules.json:$[0].conditions.all[0].path: only plain property steps ($.a.b, $.a[0]) are allowed; bad step at 1 (rule "a-rule")',
    ],
    [
      'a path reaching the prototype',
      [
        rule({
          conditions: {
            all: [{ fact: 'company', path: '$.__proto__.x', operator: 'equal', value: 1 }],
          },
        }),
      ],
      'extra.rules.json:$[0].conditions.all[0].path: "__proto__" may not appear in a path (rule "a-rule")',
    ],
    [
      'a numeric operator with a string value',
      [
        rule({
          conditions: {
            all: [{ fact: 'company', path: '$.employees', operator: 'greaterThan', value: '50' }],
          },
        }),
      ],
      'extra.rules.json:$[0].conditions.all[0].value: "greaterThan" compares numbers; the value must be a number (rule "a-rule")',
    ],
    [
      'an unknown condition reference',
      [rule({ conditions: { all: [{ condition: 'nope' }] } })],
      'extra.rules.json:$[0].conditions.all[0].condition: unknown condition reference "nope" (rule "a-rule")',
    ],
    [
      'a fact at the top level',
      [rule({ conditions: { fact: 'country', operator: 'equal', value: 'US' } })],
      'extra.rules.json:$[0].conditions: the top level must be "all", "any", "not" or "condition", not a fact (rule "a-rule")',
    ],
    [
      'a rules file that is not an array',
      { name: 'x' },
      'extra.rules.json:$: a rules file must be a JSON array of rules',
    ],
  ])('reports %s with file, path and rule', (_name, rules, expected) => {
    expect(problemsFor(rules)).toContain(expected);
  });

  it('reports a duplicate rule name across files', () => {
    expect(problemsFor([rule({ name: 'disposable-email' })])).toEqual([
      'hygiene.rules.json:$[0].name: duplicate rule name (also in extra.rules.json) (rule "disposable-email")',
    ]);
  });

  it('reports invalid JSON with its line and column', () => {
    const [problem] = problemsFor('[\n  {"name": "x",\n  ]');
    expect(problem).toMatch(/^extra\.rules\.json:\$: invalid JSON: .*line 3 column 3/);
  });

  it('reports every problem at once, in all files', () => {
    const problems = problemsFor(
      [rule({ name: 'Bad Name' }), rule({ name: 'ok', event: { type: 'route', params: {} } })],
      {
        'policy.json': { baseScore: 140, tiers: [], thresholds: { qualified: 10, nurture: 50 } },
      },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^extra\.rules\.json:\$\[0\]\.name: lower-case letters/),
        expect.stringMatching(/^extra\.rules\.json:\$\[1\]\.event\.params\.queue: /),
        expect.stringMatching(/^policy\.json:\$\.baseScore: /),
        expect.stringMatching(/^policy\.json:\$\.tiers: /),
        expect.stringMatching(/^policy\.json:\$\.thresholds\.nurture: /),
      ]),
    );
  });

  it('refuses a rule set without a policy or without rules', () => {
    const noPolicy = compileRuleSet(ruleFilesWith({ 'policy.json': undefined }), facts);
    expect(noPolicy.ok || noPolicy.problems.map((p) => p.message)).toContain(
      'policy.json is missing',
    );
    const noRules = compileRuleSet(
      new Map([
        [
          'policy.json',
          JSON.stringify({
            baseScore: 1,
            tiers: [{ name: 'A', minScore: 0 }],
            thresholds: { qualified: 5, nurture: 1 },
          }),
        ],
      ]),
      facts,
    );
    expect(noRules.ok || noRules.problems.map((p) => p.message)).toContain(
      'no *.rules.json files found',
    );
  });

  it('accepts decorated operators, fact-valued comparisons and named conditions', () => {
    expect(
      problemsFor([
        rule({
          conditions: {
            all: [
              { fact: 'attributes', path: '$.tags', operator: 'someFact:equal', value: 'vip' },
              { fact: 'country', operator: 'not:in', value: ['US'] },
              { fact: 'phoneCountry', operator: 'equal', value: { fact: 'country' } },
              { condition: 'enterprise-size' },
              {
                not: {
                  fact: 'company',
                  path: "$['industry']",
                  operator: 'equal',
                  value: 'gambling',
                },
              },
            ],
          },
        }),
      ]),
    ).toEqual([]);
  });
});
