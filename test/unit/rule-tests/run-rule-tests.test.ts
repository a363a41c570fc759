import { CORPORATE } from './small-rule-set';
import { casesFile, runSmall } from './run-small';

const signup = { ...CORPORATE, source: 'signup_form' };

describe('runRuleTests', () => {
  it('passes a case whose expectations all hold, scoring with the real rules', async () => {
    const { report } = await runSmall(
      casesFile({
        name: 'a corporate signup qualifies',
        prospect: signup,
        expect: {
          status: 'scored',
          decision: 'qualified',
          tier: 'Cold',
          score: 65,
          scoreAtLeast: 60,
          scoreAtMost: 65,
          reasons: { include: ['corporate-email'], exclude: ['disposable-email'] },
          followUp: { queue: 'sales', withinMinutes: 60, priority: 'normal' },
        },
      }),
    );
    expect(report).toEqual({
      passed: 1,
      failed: 0,
      failures: [],
      problems: [],
      coveredRules: ['corporate-email', 'partner-unknown', 'route-qualified'],
    });
  });

  it('counts passed and failed cases across every test file, and ignores rule files', async () => {
    const pass = { name: 'pass', prospect: signup, expect: { decision: 'qualified' } };
    const fail = { name: 'fail', prospect: signup, expect: { decision: 'nurture' } };
    const { report } = await runSmall({
      'tests/a.json': { cases: [pass, fail] },
      'tests/b.json': { description: 'more', cases: [{ ...pass, name: 'also passes' }] },
    });
    expect(report).toMatchObject({ passed: 2, failed: 1, problems: [] });
    expect(report.failures).toEqual([
      expect.objectContaining({ file: 'tests/a.json', path: '$.cases[1]', name: 'fail' }),
    ]);
  });

  it('passes with nothing to run when the rule set has no tests', async () => {
    const { report } = await runSmall({});
    expect(report).toEqual({ passed: 0, failed: 0, failures: [], problems: [], coveredRules: [] });
  });

  it('lists the rules that fired in some case, including failing ones, in rule-set order', async () => {
    const { report } = await runSmall(
      casesFile(
        { name: 'throwaway', prospect: { email: 'x@mailinator.com' }, expect: { score: 0 } },
        {
          name: 'big',
          prospect: signup,
          lookups: { partner: { employees: 5000 } },
          expect: { tier: 'Hot' },
        },
      ),
    );
    expect(report.failed).toBe(1);
    expect(report.coveredRules).toEqual([
      'disposable-email',
      'corporate-email',
      'partner-large',
      'route-qualified',
    ]);
    // Not a reason in any case: never fired, or (routes) fired without setting the follow-up.
    expect(report.coveredRules).not.toContain('antarctic');
  });

  it('reports a route rule as covered only when it set the follow-up', async () => {
    const { report } = await runSmall(
      casesFile({
        name: 'a throwaway address has no follow-up',
        prospect: { email: 'x@mailinator.com' },
        expect: { decision: 'disqualified', followUp: null },
      }),
    );
    expect(report.passed).toBe(1);
    expect(report.coveredRules).toEqual(['disposable-email']);
  });
});

describe('canned lookups', () => {
  const lookupCase = (lookups: unknown, expectation: object, prospect: object = signup) => ({
    name: 'case',
    prospect,
    ...(lookups === undefined ? {} : { lookups }),
    expect: expectation,
  });
  const outcomeOf = async (lookups: unknown, expectation: object, prospect?: object) => {
    const { report, calls } = await runSmall(casesFile(lookupCase(lookups, expectation, prospect)));
    expect(calls).toEqual([]);
    expect(report.problems).toEqual([]);
    return report;
  };

  it('answers with the fields given as an object', async () => {
    const report = await outcomeOf(
      { partner: { employees: 5000 } },
      {
        score: 90,
        tier: 'Hot',
        reasons: { include: ['partner-large'], exclude: ['partner-unknown'] },
      },
    );
    expect(report.passed).toBe(1);
  });

  it('answers "no record" for not_found', async () => {
    const report = await outcomeOf(
      { partner: 'not_found' },
      { score: 65, reasons: { include: ['partner-unknown'], exclude: ['partner-large'] } },
    );
    expect(report.passed).toBe(1);
  });

  it('fails the lookup for unavailable and timeout, as rules see through lookupStatus', async () => {
    for (const outcome of ['unavailable', 'timeout']) {
      const report = await outcomeOf(
        { partner: outcome },
        { status: 'scored', decision: 'review', reasons: { include: ['partner-down'] } },
      );
      expect(report.passed).toBe(1);
    }
  });

  it('answers "no record" for a source the case does not mention', async () => {
    const report = await outcomeOf(undefined, {
      status: 'scored',
      score: 65,
      reasons: { include: ['partner-unknown'], exclude: ['partner-down'] },
    });
    expect(report.passed).toBe(1);
  });

  it('still applies consent: a canned credit report is read only with consent', async () => {
    const poor = { credit: { score: 450 } };
    const withConsent = await outcomeOf(
      poor,
      { decision: 'review', reasons: { include: ['credit-poor'] } },
      { ...signup, consent: { creditCheck: true } },
    );
    const without = await outcomeOf(poor, {
      decision: 'qualified',
      reasons: { exclude: ['credit-poor'] },
    });
    expect([withConsent.passed, without.passed]).toEqual([1, 1]);
  });

  it('recognises an existing customer from a canned customer-match answer', async () => {
    const report = await outcomeOf(
      { crm: { isCustomer: true, matchedBy: 'domain' } },
      { status: 'existing_customer', followUp: null, reasons: { exclude: ['corporate-email'] } },
    );
    expect(report.passed).toBe(1);
    expect(report.coveredRules).toEqual([]);
  });

  it('leaves the prospect unverified when the customer-match source cannot answer', async () => {
    for (const outcome of ['unavailable', 'timeout']) {
      const report = await outcomeOf({ crm: outcome }, { status: 'unverified' });
      expect(report.passed).toBe(1);
    }
  });

  it('scores the prospect when the customer-match source says "not a customer"', async () => {
    const report = await outcomeOf({ crm: { isCustomer: false } }, { status: 'scored' });
    expect(report.passed).toBe(1);
  });
});
