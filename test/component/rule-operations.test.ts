import { api, problemOf } from '../helpers/api';
import { buildTestApp, loadDefaultRuleFiles } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';

/** The default rule set as a request body: file name → the file's JSON. */
function defaultFiles(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const [name, text] of loadDefaultRuleFiles()) files[name] = JSON.parse(text);
  return { ...files, ...changes };
}
const policy = () => defaultFiles()['policy.json'] as Record<string, unknown>;

describe('POST /v1/rules/validate', () => {
  const http = api(buildTestApp().app);

  it('passes the default rule set with every rule test green and every rule covered', async () => {
    const res = await http.post('/v1/rules/validate', { body: { files: defaultFiles() } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, problems: [], uncoveredRules: [] });
    expect(res.body.tests.passed).toBeGreaterThan(20);
    expect(res.body.tests.failed).toBe(0);
    expect(res.body.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports each problem with its file and JSON path, and activates nothing', async () => {
    const before = (await http.get('/v1/rules')).body.version;
    const fit = (
      defaultFiles()['fit.rules.json'] as Array<{ conditions: { all: Array<{ fact: string }> } }>
    ).map((rule, i) =>
      i === 1
        ? { ...rule, conditions: { all: [{ ...rule.conditions.all[0], fact: 'employeez' }] } }
        : rule,
    );
    const res = await http.post('/v1/rules/validate', {
      body: { files: defaultFiles({ 'fit.rules.json': fit }) },
    });

    expect(res.body.valid).toBe(false);
    expect(res.body.version).toBeNull();
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        file: 'fit.rules.json',
        path: '$[1].conditions.all[0].fact',
        message: 'unknown fact "employeez"',
      }),
    ]);
    expect((await http.get('/v1/rules')).body.version).toBe(before);
  });

  it('reports failing rule tests', async () => {
    const res = await http.post('/v1/rules/validate', {
      body: { files: defaultFiles({ 'policy.json': { ...policy(), baseScore: 0 } }) },
    });
    expect(res.body.valid).toBe(false);
    expect(res.body.tests.failed).toBeGreaterThan(0);
    expect(res.body.tests.failures[0]).toEqual({
      file: expect.stringMatching(/^tests\//),
      path: expect.stringMatching(/^\$\.cases\[\d+\]/),
      name: expect.any(String),
      message: expect.any(String),
    });
  });

  it('refuses a source whose auth secret is not in the environment', async () => {
    const sources = defaultFiles()['sources.json'] as { sources: Array<Record<string, unknown>> };
    const withAuth = {
      sources: sources.sources.map((s) =>
        s.name === 'partner'
          ? { ...s, auth: { header: 'Authorization', secretEnv: 'PARTNER_API_KEY' } }
          : s,
      ),
    };
    const res = await http.post('/v1/rules/validate', {
      body: { files: defaultFiles({ 'sources.json': withAuth }) },
    });
    expect(res.body.valid).toBe(false);
    expect(res.body.problems[0]).toMatchObject({
      file: 'sources.json',
      message: expect.stringContaining('PARTNER_API_KEY'),
    });
  });

  it('answers bad input as problem+json', async () => {
    const res = await http.post('/v1/rules/validate', {
      body: { files: { '../etc/passwd': 'x' } },
    });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.[0]?.path).toBe('/files/..~1etc~1passwd');
  });
});

describe('POST /v1/rules/dry-run', () => {
  const http = api(buildTestApp().app);
  const prospects = [
    {
      ref: 'crm-1001',
      // 40 base + work email 10 + matches company 10 + 11-50 people 5 + US 5 = 70: qualified today.
      prospect: {
        email: 'lee@contoso-labs.com',
        firstName: 'Lee',
        lastName: 'Park',
        country: 'US',
        company: { domain: 'contoso-labs.com', employees: 30 },
      },
    },
    { ref: 'crm-1002', prospect: aCorporateSignup() },
    { ref: 'crm-1003', prospect: { email: 'sam@mailinator.com' } },
  ];

  it('shows what raising the qualified threshold from 65 to 85 would do', async () => {
    const candidate = defaultFiles({
      'policy.json': { ...policy(), thresholds: { qualified: 85, nurture: 35 } },
    });
    const res = await http.post('/v1/rules/dry-run', { body: { files: candidate, prospects } });

    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({
      prospects: 3,
      statusChanged: 0,
      decisionChanged: 1,
      tierChanged: 0,
      scoreChanged: 0,
      scoreDelta: { mean: 0, min: 0, max: 0 },
      transitions: { 'qualified→nurture': 1 },
    });
    const [lee, maria, sam] = res.body.results;
    expect(lee).toMatchObject({
      ref: 'crm-1001',
      before: { score: 70, decision: 'qualified', tier: 'B' },
      after: { score: 70, decision: 'nurture', tier: 'B' },
      changes: { decision: true, tier: false, scoreDelta: 0 },
    });
    expect(maria.changes.decision).toBe(false);
    expect(sam.before.decision).toBe('disqualified');
    expect(res.body.candidate.version).not.toBe(res.body.active.version);
  });

  it('moves no hit counter and activates nothing', async () => {
    const before = (await http.get('/v1/rules')).body;
    await http.post('/v1/rules/dry-run', { body: { files: defaultFiles(), prospects } });
    const after = (await http.get('/v1/rules')).body;
    expect(after.version).toBe(before.version);
    expect(after.rules.map((r: { hits: number }) => r.hits)).toEqual(
      before.rules.map((r: { hits: number }) => r.hits),
    );
  });

  it('answers an invalid candidate with 422 naming each file', async () => {
    const res = await http.post('/v1/rules/dry-run', {
      body: { files: defaultFiles({ 'policy.json': { baseScore: 'high' } }), prospects },
    });
    expect(res.status).toBe(422);
    const problem = problemOf(res);
    expect(problem.code).toBe('rule_set_invalid');
    expect(problem.errors).toContainEqual({
      path: '/files/policy.json',
      message: expect.stringContaining('$.baseScore'),
    });
  });

  it('uses canned lookups for a prospect when given', async () => {
    const res = await http.post('/v1/rules/dry-run', {
      body: {
        files: defaultFiles(),
        prospects: [
          {
            prospect: aCorporateSignup(),
            lookups: { crm: { isCustomer: true, matchedBy: 'email' } },
          },
        ],
      },
    });
    expect(res.body.results[0].before).toMatchObject({ status: 'existing_customer', score: null });
  });
});

describe('GET /v1/rules hit counts', () => {
  it('counts how often each rule fired in live decisions', async () => {
    const http = api(buildTestApp().app);
    await http.post('/v1/score', { body: { email: 'a@mailinator.com' } });
    await http.post('/v1/score', { body: { email: 'b@mailinator.com' } });
    const rules = (await http.get('/v1/rules')).body.rules as Array<{ name: string; hits: number }>;
    expect(rules.find((r) => r.name === 'disposable-email')?.hits).toBe(2);
    expect(rules.find((r) => r.name === 'demo-requested')?.hits).toBe(0);
  });
});
