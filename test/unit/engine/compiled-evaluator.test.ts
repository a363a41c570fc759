import { compileRuleSet } from '../../../src/engine/compile-rule-set';
import { CompiledEvaluator } from '../../../src/engine/compiled-evaluator/compiled-evaluator';
import { builtInFacts } from '../../../src/engine/known-facts';

const policy = {
  baseScore: 0,
  tiers: [{ name: 'A', minScore: 0 }],
  thresholds: { qualified: 1, nurture: 0 },
};
const step = (name: string, priority: number) => ({
  name,
  priority,
  conditions: { all: [{ fact: 'source', operator: 'equal', value: 'web' }] },
  event: { type: 'score', params: { points: 1, message: name } },
});

function evaluatorFor(rules: unknown[]) {
  const result = compileRuleSet(
    new Map([
      ['policy.json', JSON.stringify(policy)],
      ['a.rules.json', JSON.stringify(rules)],
    ]),
    builtInFacts(),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return new CompiledEvaluator(result.ruleSet);
}

describe('evaluating compiled rules', () => {
  it('fires every matching rule in every priority group, even with many runs in flight', async () => {
    // Stock's Engine keeps one status flag, so a shared engine let one finished run cut short
    // the others; the evaluator keeps all run state in the run.
    const evaluator = evaluatorFor([step('p3', 3), step('p2', 2), step('p1', 1)]);
    const slowFacts = async (name: string) => {
      await new Promise((resolve) => setImmediate(resolve));
      return name === 'source' ? 'web' : undefined;
    };
    const runs = await Promise.all(Array.from({ length: 50 }, () => evaluator.evaluate(slowFacts)));
    for (const fired of runs) expect(fired.map((r) => r.name)).toEqual(['p3', 'p2', 'p1']);
  });

  it('asks only for the facts a condition needs, passing its params', async () => {
    const evaluator = evaluatorFor([step('only', 1)]);
    const asked: string[] = [];
    await evaluator.evaluate((name) => {
      asked.push(name);
      return 'web';
    });
    expect(asked).toEqual(['source']);
  });

  it('returns the compiled event with its params', async () => {
    const evaluator = evaluatorFor([step('only', 1)]);
    const [fired] = await evaluator.evaluate(() => 'web');
    expect(fired).toEqual({
      name: 'only',
      priority: 1,
      event: { type: 'score', params: { points: 1, message: 'only' } },
    });
  });
});

describe('keeping paid lookups lazy', () => {
  const sources = JSON.stringify({
    sources: [
      {
        name: 'credit',
        kind: 'credit',
        request: { baseUrl: 'http://127.0.0.1:9', path: '/r/{email}' },
        timeoutMs: 100,
        breaker: { consecutiveFailures: 1, halfOpenAfterMs: 100 },
        maxConcurrent: 1,
        costPerCall: 1,
        cache: { ttlSeconds: 1, maxEntries: 1 },
        fields: { score: { path: '$.score', schema: { type: 'integer' } } },
      },
    ],
  });
  const evaluatorWith = (rules: unknown[]) => {
    const result = compileRuleSet(
      new Map([
        ['policy.json', JSON.stringify(policy)],
        ['sources.json', sources],
        ['a.rules.json', JSON.stringify(rules)],
      ]),
      builtInFacts(),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return new CompiledEvaluator(result.ruleSet);
  };

  it('tests signup facts before lookup facts in the same condition, so a failing one saves the call', async () => {
    const evaluator = evaluatorWith([
      {
        name: 'credit-check',
        conditions: {
          all: [
            { fact: 'credit', path: '$.score', operator: 'lessThan', value: 500 },
            { fact: 'source', operator: 'equal', value: 'web' },
          ],
        },
        event: { type: 'review', params: { message: 'x' } },
      },
    ]);
    const asked: string[] = [];
    await evaluator.evaluate((name) => {
      asked.push(name);
      return name === 'source' ? 'phone' : { score: 400 };
    });
    expect(asked).toEqual(['source']);
  });

  it('stops at the first disqualification: lower-priority rules (and their lookups) never run', async () => {
    const evaluator = evaluatorWith([
      { ...step('high', 10), event: { type: 'disqualify', params: { message: 'no' } } },
      step('same-priority', 10),
      {
        name: 'needs-credit',
        priority: 5,
        conditions: {
          all: [{ fact: 'credit', path: '$.score', operator: 'lessThan', value: 500 }],
        },
        event: { type: 'review', params: { message: 'x' } },
      },
    ]);
    const asked: string[] = [];
    const fired = await evaluator.evaluate((name) => {
      asked.push(name);
      return name === 'source' ? 'web' : { score: 400 };
    });
    expect(fired.map((rule) => rule.name).sort()).toEqual(['high', 'same-priority']);
    expect(asked).not.toContain('credit');

    // A stopped run leaves nothing behind for the next one.
    const again = await evaluator.evaluate((name) =>
      name === 'source' ? 'phone' : { score: 400 },
    );
    expect(again.map((rule) => rule.name)).toEqual(['needs-credit']);
  });
});

describe('json-rules-engine semantics kept by the compiled evaluator', () => {
  const rule = (conditions: object, name = 'r') => ({
    name,
    conditions,
    event: { type: 'score', params: { points: 1, message: name } },
  });
  const names = async (rules: unknown[], facts: Record<string, unknown>) =>
    (await evaluatorFor(rules).evaluate((fact) => facts[fact])).map((r) => r.name);

  it('rejects the run when a fact throws, or when a fact answers with a rejection', async () => {
    const evaluator = evaluatorFor([step('only', 1)]);
    await expect(
      evaluator.evaluate(() => {
        throw new Error('source down');
      }),
    ).rejects.toThrow('source down');
    await expect(evaluator.evaluate(() => Promise.reject(new Error('late')))).rejects.toThrow(
      'late',
    );
  });

  it('passes a non-object fact through a path unchanged, and reads undefined through a missing step', async () => {
    const onPath = (value: unknown) =>
      names([rule({ all: [{ fact: 'attributes', path: '$.seats', operator: 'equal', value }] })], {
        attributes: 7,
      });
    expect(await onPath(7)).toEqual(['r']);
    expect(
      await names(
        [rule({ all: [{ fact: 'company', path: '$.x.y', operator: 'equal', value: null }] })],
        { company: { x: 1 } },
      ),
    ).toEqual([]);
  });

  it('compares against another fact when the value is a fact reference', async () => {
    const rules = [
      rule({
        all: [{ fact: 'phoneCountry', operator: 'equal', value: { fact: 'country' } }],
      }),
    ];
    expect(await names(rules, { phoneCountry: 'US', country: 'US' })).toEqual(['r']);
    expect(await names(rules, { phoneCountry: 'US', country: 'FR' })).toEqual([]);
  });

  it('treats an empty "any" as true, as stock does', async () => {
    expect(await names([rule({ any: [] })], {})).toEqual(['r']);
  });

  it('asks a fact once per run for the same params, again for other params', async () => {
    const evaluator = evaluatorFor([
      rule({
        all: [
          { fact: 'source', operator: 'equal', value: 'web' },
          { fact: 'source', operator: 'notEqual', value: 'x' },
          { fact: 'source', params: { a: 1 }, operator: 'equal', value: 'web' },
        ],
      }),
    ]);
    const asked: unknown[] = [];
    const fired = await evaluator.evaluate((fact, params) => {
      asked.push(params);
      return Promise.resolve('web');
    });
    expect(fired.map((r) => r.name)).toEqual(['r']);
    expect(asked).toEqual([{}, { a: 1 }]);
  });
});
