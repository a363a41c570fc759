import { CORPORATE } from './small-rule-set';
import { casesFile, runSmall } from './run-small';

const good = { name: 'good', prospect: CORPORATE, expect: { decision: 'qualified' } };

async function problemsOf(tests: Record<string, unknown>) {
  const { report } = await runSmall(tests);
  return report.problems;
}

describe('malformed rule tests', () => {
  it('reports invalid JSON with its file, position and the path $', async () => {
    const problems = await problemsOf({ 'tests/broken.json': '{"cases": [{"name": "half"' });
    expect(problems).toEqual([
      {
        file: 'tests/broken.json',
        path: '$',
        message: expect.stringMatching(/^invalid JSON: .* at line 1 column \d+$/),
      },
    ]);
  });

  it('reports a file that is not an object of cases', async () => {
    expect(
      await problemsOf({ 'tests/a.json': { cases: [] }, 'tests/b.json': { case: [good] } }),
    ).toEqual([
      { file: 'tests/a.json', path: '$.cases', message: 'a test file needs at least one case' },
      { file: 'tests/b.json', path: '$.cases', message: 'cases must be an array of test cases' },
      { file: 'tests/b.json', path: '$.case', message: 'unknown key "case"' },
    ]);
  });

  it('pins an unknown key to the key itself, so a typo is caught rather than ignored', async () => {
    const problems = await problemsOf(
      casesFile(good, { ...good, name: 'typo', expect: { decison: 'qualified' } }),
    );
    expect(problems).toEqual([
      {
        file: 'tests/small.json',
        path: '$.cases[1].expect.decison',
        message: 'unknown key "decison"',
      },
    ]);
  });

  it('checks the prospect exactly as POST /v1/score does, at its JSON path', async () => {
    const problems = await problemsOf(
      casesFile(
        good,
        { ...good, name: 'another' },
        {
          ...good,
          name: 'bad prospect',
          prospect: { email: 'not-an-email', country: 'XX' },
        },
      ),
    );
    expect(problems).toEqual([
      {
        file: 'tests/small.json',
        path: '$.cases[2].prospect.email',
        message: 'an email address such as jane@acme.com',
      },
      {
        file: 'tests/small.json',
        path: '$.cases[2].prospect.country',
        message: 'an ISO 3166-1 alpha-2 code such as US',
      },
    ]);
  });

  it('reports an unknown source in lookups, naming the declared ones', async () => {
    const problems = await problemsOf(
      casesFile({ ...good, lookups: { partnr: { employees: 5000 } } }),
    );
    expect(problems).toEqual([
      {
        file: 'tests/small.json',
        path: '$.cases[0].lookups.partnr',
        message: 'unknown source "partnr" (sources.json declares "crm", "partner", "credit")',
      },
    ]);
  });

  it('reports a canned field the source does not declare, and a bad canned outcome', async () => {
    const problems = await problemsOf(
      casesFile({ ...good, lookups: { partner: { employes: 5000 }, credit: 'down' } }),
    );
    expect(problems).toEqual([
      {
        file: 'tests/small.json',
        path: '$.cases[0].lookups.credit',
        message: `an object of the source's fields, or one of "not_found", "unavailable", "timeout"`,
      },
    ]);
    const fieldProblems = await problemsOf(
      casesFile({ ...good, lookups: { partner: { employes: 5000 } } }),
    );
    expect(fieldProblems).toEqual([
      {
        file: 'tests/small.json',
        path: '$.cases[0].lookups.partner.employes',
        message: 'source "partner" has no field "employes" (its fields: "employees")',
      },
    ]);
  });

  it('reports rule and tier names that the rule set does not have', async () => {
    const problems = await problemsOf(
      casesFile({
        ...good,
        expect: {
          tier: 'Gold',
          reasons: { include: ['corporate-email'], exclude: ['free-emial'] },
        },
      }),
    );
    expect(problems).toEqual([
      {
        file: 'tests/small.json',
        path: '$.cases[0].expect.tier',
        message: 'unknown tier "Gold" (policy.json has "Hot", "Cold")',
      },
      {
        file: 'tests/small.json',
        path: '$.cases[0].expect.reasons.exclude[0]',
        message: 'unknown rule "free-emial"',
      },
    ]);
  });

  it('refuses expectations that can never pass', async () => {
    const problems = await problemsOf(
      casesFile(
        { ...good, name: 'empty', expect: {} },
        { ...good, name: 'range', expect: { scoreAtLeast: 80, scoreAtMost: 60 } },
        {
          ...good,
          name: 'customer',
          expect: { status: 'existing_customer', decision: 'qualified' },
        },
        { ...good, name: 'follow-up', expect: { followUp: {} } },
      ),
    );
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      '$.cases[0].expect: expect at least one thing of the answer',
      '$.cases[1].expect.scoreAtLeast: scoreAtLeast is above scoreAtMost: no score can pass',
      '$.cases[2].expect.decision: status "existing_customer" has no decision: only a scored prospect has one',
      '$.cases[3].expect.followUp: name at least one of queue, withinMinutes, priority (or use null for no follow-up)',
    ]);
  });

  it('reports a case without a name, and two cases with the same name', async () => {
    const { name: _name, ...unnamed } = good;
    const problems = await problemsOf(casesFile(good, unnamed, good));
    expect(problems).toEqual([
      { file: 'tests/small.json', path: '$.cases[1].name', message: 'a case needs a name' },
      {
        file: 'tests/small.json',
        path: '$.cases[2].name',
        message: 'duplicate case name (also $.cases[0])',
      },
    ]);
  });

  it('still runs the well-formed cases of a file that has a malformed one', async () => {
    const { report } = await runSmall(
      casesFile(good, { ...good, name: 'bad', prospect: {} }, { ...good, name: 'also good' }),
    );
    expect(report).toMatchObject({ passed: 2, failed: 0 });
    expect(report.problems).toEqual([
      {
        file: 'tests/small.json',
        path: '$.cases[1].prospect.email',
        message: 'email or phone is required',
      },
    ]);
  });
});
