import { api } from '../helpers/api';
import { buildTestApp } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';

describe('POST /v1/score with the default rules', () => {
  const { app } = buildTestApp();
  const http = api(app);

  it('scores a corporate signup who asked for a demo as qualified, with reasons and an urgent call', async () => {
    const res = await http.post('/v1/score', { body: aCorporateSignup() });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.status).toBe('scored');
    expect(res.body.decision).toBe('qualified');
    expect(res.body.tier).toBe('A');
    expect(res.body.score).toBeGreaterThanOrEqual(80);
    const codes = res.body.reasons.map((r: { code: string }) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'demo-requested',
        'company-size-mid-market',
        'corporate-email',
        'email-matches-company',
        'target-industry',
        'route-hot-web-lead',
      ]),
    );
    expect(res.body.followUp).toEqual({
      priority: 'urgent',
      withinMinutes: 5,
      queue: 'sales-inbound',
    });
    expect(res.body.signals).toMatchObject({
      emailDomainKind: 'corporate',
      emailMatchesCompanyDomain: true,
      companySizeBand: '201-500',
      nameQuality: 'ok',
    });
  });

  it('lists reasons with the largest absolute effect first', async () => {
    const res = await http.post('/v1/score', { body: aCorporateSignup() });
    const points = res.body.reasons.map((r: { points: number }) => Math.abs(r.points));
    const scoring = points.slice(0, points.length - 1); // the route reason (0 points) comes last
    expect(scoring).toEqual([...scoring].sort((a, b) => b - a));
    expect(res.body.reasons[0]).toEqual({
      code: 'demo-requested',
      points: 20,
      message: 'Requested a demo',
    });
  });

  it('disqualifies a disposable-email signup and tells the form what to say', async () => {
    const res = await http.post('/v1/score', {
      body: aCorporateSignup({ email: 'maria@mailinator.com' }),
    });

    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('disqualified');
    expect(res.body.followUp).toBeNull();
    expect(res.body.reasons[0]).toEqual({
      code: 'disposable-email',
      points: 0,
      message: 'Disposable (throwaway) email address',
      publicMessage: 'Please use a permanent email address.',
    });
    expect(res.body.signals.emailDomainKind).toBe('disposable');
  });

  it('asks a free-mail signup for a work address and nurtures them', async () => {
    const res = await http.post('/v1/score', {
      body: aCorporateSignup({ email: 'maria.lopez@gmail.com', attributes: {} }),
    });

    expect(res.body.decision).toBe('nurture');
    const freeEmail = res.body.reasons.find((r: { code: string }) => r.code === 'free-email');
    expect(freeEmail).toEqual({
      code: 'free-email',
      points: -15,
      message: 'Personal (free) email address',
      publicMessage: 'Please use your work email.',
    });
    expect(res.body.followUp).toEqual({
      priority: 'low',
      withinMinutes: 1440,
      queue: 'marketing-nurture',
    });
  });

  it('sends a keyboard-mash name to review whatever the score', async () => {
    const res = await http.post('/v1/score', {
      body: aCorporateSignup({ firstName: 'asdf', lastName: 'qwerty' }),
    });

    expect(res.body.decision).toBe('review');
    expect(res.body.reasons[0].code).toBe('placeholder-name');
    expect(res.body.followUp).toEqual({
      priority: 'normal',
      withinMinutes: 240,
      queue: 'lead-review',
    });
  });

  it('scores a caller known only by phone', async () => {
    const res = await http.post('/v1/score', {
      body: { phone: '(650) 253-0000', source: 'inbound_call', country: 'US' },
    });

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('scored');
    expect(res.body.signals.phoneValid).toBe(true);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('inbound-call');
  });

  it('reports only the signals the rules asked for and gives each decision its own id', async () => {
    const a = await http.post('/v1/score', { body: aCorporateSignup() });
    const b = await http.post('/v1/score', { body: aCorporateSignup() });

    expect(a.body.decisionId).not.toBe(b.body.decisionId);
    expect(Object.keys(a.body.signals)).not.toContain('emailDomain');
    expect(Object.keys(a.body.signals)).not.toContain('phoneCountry');
  });

  it('names the rule set version that made the decision, the same one GET /v1/rules shows', async () => {
    const scored = await http.post('/v1/score', { body: aCorporateSignup() });
    const rules = await http.get('/v1/rules');

    expect(scored.body.ruleset).toEqual({
      version: rules.body.version,
      loadedAt: rules.body.loadedAt,
    });
    expect(rules.body.version).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('how each event type changes the outcome', () => {
  const policy = {
    baseScore: 50,
    clamp: { min: 0, max: 100 },
    tiers: [
      { name: 'Gold', minScore: 75 },
      { name: 'Silver', minScore: 40 },
      { name: 'Bronze', minScore: 0 },
    ],
    thresholds: { qualified: 75, nurture: 40 },
  };
  const rule = (name: string, source: string, event: object, priority = 1) => ({
    name,
    priority,
    conditions: { all: [{ fact: 'source', operator: 'equal', value: source }] },
    event,
  });
  const rules = [
    rule('big-plus', 'plus', { type: 'score', params: { points: 30, message: 'Plus thirty' } }),
    rule('big-minus', 'minus', { type: 'score', params: { points: -60, message: 'Minus sixty' } }),
    rule('boost-for-dq', 'dq', { type: 'score', params: { points: 40, message: 'Plus forty' } }),
    rule('blocked', 'dq', {
      type: 'disqualify',
      params: { message: 'Blocked', publicMessage: 'Sorry' },
    }),
    rule('boost-for-review', 'review', {
      type: 'score',
      params: { points: 40, message: 'Plus forty' },
    }),
    rule('check-me', 'review', { type: 'review', params: { message: 'Check me', points: -5 } }),
    rule('route-fast', 'plus', {
      type: 'route',
      params: { queue: 'fast', withinMinutes: 5, priority: 'urgent', whenDecision: ['qualified'] },
    }),
    rule('route-slow', 'plus', {
      type: 'route',
      params: { queue: 'slow', withinMinutes: 60, priority: 'low' },
    }),
    rule('route-never', 'dq', {
      type: 'route',
      params: { queue: 'never', withinMinutes: 5, priority: 'urgent' },
    }),
  ];
  const { app } = buildTestApp({
    ruleFiles: new Map([
      ['policy.json', JSON.stringify(policy)],
      ['test.rules.json', JSON.stringify(rules)],
    ]),
  });
  const http = api(app);
  const score = (source: string) =>
    http.post('/v1/score', { body: { email: 'ana@contoso-labs.com', source } });

  it('score: points add to the base score and the policy names the tier and decision', async () => {
    const res = await score('plus');
    expect(res.body).toMatchObject({ score: 80, tier: 'Gold', decision: 'qualified' });
  });

  it('score: a negative total is clamped at the floor and falls below the nurture threshold', async () => {
    const res = await score('minus');
    expect(res.body).toMatchObject({ score: 0, tier: 'Bronze', decision: 'disqualified' });
    expect(res.body.reasons).toEqual([{ code: 'big-minus', points: -60, message: 'Minus sixty' }]);
  });

  it('with no rules firing the base score decides', async () => {
    const res = await score('nothing');
    expect(res.body).toMatchObject({
      score: 50,
      tier: 'Silver',
      decision: 'nurture',
      reasons: [],
      followUp: null,
    });
  });

  it('disqualify beats a qualifying score, leads the reasons, and suppresses routing', async () => {
    const res = await score('dq');
    expect(res.body).toMatchObject({ score: 90, decision: 'disqualified', followUp: null });
    expect(res.body.reasons[0]).toEqual({
      code: 'blocked',
      points: 0,
      message: 'Blocked',
      publicMessage: 'Sorry',
    });
    expect(res.body.reasons.map((r: { code: string }) => r.code)).not.toContain('route-never');
  });

  it('review beats a qualifying score and carries its own points', async () => {
    const res = await score('review');
    expect(res.body).toMatchObject({ score: 85, decision: 'review' });
    expect(res.body.reasons[0]).toEqual({ code: 'check-me', points: -5, message: 'Check me' });
  });

  it('route: the most urgent route that applies to the decision sets the follow-up', async () => {
    const res = await score('plus');
    expect(res.body.followUp).toEqual({ priority: 'urgent', withinMinutes: 5, queue: 'fast' });
    const codes = res.body.reasons.map((r: { code: string }) => r.code);
    expect(codes).toEqual(['big-plus', 'route-fast']);
  });

  it('route: a rule limited to other decisions does not apply', async () => {
    const { app: other } = buildTestApp({
      ruleFiles: new Map([
        ['policy.json', JSON.stringify({ ...policy, thresholds: { qualified: 95, nurture: 40 } })],
        ['test.rules.json', JSON.stringify(rules)],
      ]),
    });
    const res = await api(other).post('/v1/score', {
      body: { email: 'ana@contoso-labs.com', source: 'plus' },
    });
    expect(res.body.decision).toBe('nurture');
    expect(res.body.followUp).toEqual({ priority: 'low', withinMinutes: 60, queue: 'slow' });
  });
});
