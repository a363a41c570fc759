import { loadDefaultRuleFiles, ruleFilesWith } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';
import { startSandboxedApp, type SandboxedApp } from '../helpers/sandboxed-app';

/** A prospect whose large order makes the rules want a (paid) credit report. */
const largeOrder = (overrides: object = {}) =>
  aCorporateSignup({ consent: { creditCheck: true }, attributes: { seats: 80 }, ...overrides });
type Entry = { source: string; status: string; cost: number };
const lookup = (body: { lookups: Entry[] }, source: string) =>
  body.lookups.find((entry) => entry.source === source) as Entry;

describe('lookups are made only when a rule needs them', () => {
  let env: SandboxedApp;
  beforeEach(async () => {
    env = await startSandboxedApp({
      customerLines: ['olivia.chen@fabrikam-industries.com'],
    });
  });
  afterEach(() => env.close());

  it('a qualified large order asks the CRM, the partner and the credit bureau once each', async () => {
    const res = await env.http.post('/v1/score', { body: largeOrder() });

    expect(res.status).toBe(200);
    expect(res.body.lookups.map((e: Entry) => [e.source, e.status])).toEqual([
      ['crm', 'ok'],
      ['partner', 'ok'],
      ['credit', 'ok'],
      ['callerId', 'not_needed'],
    ]);
    expect(lookup(res.body, 'credit').cost).toBe(1.5);
    expect(env.sandbox.calls.count('credit')).toBe(1);
    expect(env.sandbox.calls.count('identity')).toBe(0);
  });

  it('a disposable-email prospect makes zero credit calls: it is disqualified before the credit rules run', async () => {
    const res = await env.http.post('/v1/score', {
      body: largeOrder({ email: 'maria@mailinator.com' }),
    });

    expect(res.body.decision).toBe('disqualified');
    expect(lookup(res.body, 'credit').status).toBe('not_needed');
    expect(lookup(res.body, 'partner').status).toBe('not_needed');
    expect(env.sandbox.calls.count('credit')).toBe(0);
    expect(env.sandbox.calls.count('partner')).toBe(0);
  });

  it('an existing customer from the customers file makes no lookup of any kind', async () => {
    const res = await env.http.post('/v1/score', {
      body: largeOrder({ email: 'olivia.chen@fabrikam-industries.com' }),
    });

    expect(res.body.status).toBe('existing_customer');
    expect(res.body.lookups.every((e: Entry) => e.status === 'not_needed' && e.cost === 0)).toBe(
      true,
    );
    expect(env.sandbox.calls.total()).toBe(0);
  });

  it('a CRM customer is recognised before any rule runs, and nothing else is looked up', async () => {
    const res = await env.http.post('/v1/score', {
      body: largeOrder({ email: 'crm.only@woodgrove-bank.com', company: { name: 'Woodgrove' } }),
    });

    expect(res.body).toMatchObject({
      status: 'existing_customer',
      customerMatch: { by: 'email' },
      score: null,
    });
    expect(env.sandbox.calls.count('crm')).toBe(1);
    expect(env.sandbox.calls.count('partner') + env.sandbox.calls.count('credit')).toBe(0);
  });

  it('without consent the credit bureau is never called and its facts are unavailable (no_consent)', async () => {
    const res = await env.http.post('/v1/score', {
      body: largeOrder({ consent: { creditCheck: false } }),
    });

    expect(lookup(res.body, 'credit')).toMatchObject({ status: 'no_consent', cost: 0 });
    expect(env.sandbox.calls.count('credit')).toBe(0);
    expect(res.body.decision).toBe('qualified');
  });

  it('a poor credit report on a large order sends it to review', async () => {
    const res = await env.http.post('/v1/score', {
      body: largeOrder({
        email: 'risky.buyer@contoso-labs.com',
        company: { domain: 'contoso-labs.com' },
      }),
    });

    expect(res.body.decision).toBe('review');
    expect(res.body.reasons[0].code).toBe('credit-risk-large-order');
  });

  it('partner data feeds the rules: an enterprise per the partner scores the partner rule', async () => {
    const res = await env.http.post('/v1/score', {
      body: aCorporateSignup({ email: 'ana@contoso-labs.com', company: { name: 'Contoso' } }),
    });

    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('partner-enterprise');
  });
});

describe('the cost budget', () => {
  it('the policy sets the most one decision may spend', async () => {
    const policy = JSON.parse(loadDefaultRuleFiles().get('policy.json') as string);
    const capped = await startSandboxedApp({
      ruleFiles: ruleFilesWith({ 'policy.json': { ...policy, maxCostPerDecision: 0.5 } }),
    });
    try {
      const res = await capped.http.post('/v1/score', { body: largeOrder() });
      expect(lookup(res.body, 'credit')).toMatchObject({ status: 'over_budget', cost: 0 });
      expect(lookup(res.body, 'partner').status).toBe('ok');
    } finally {
      await capped.close();
    }
  });

  let env: SandboxedApp;
  beforeEach(async () => {
    env = await startSandboxedApp();
  });
  afterEach(() => env.close());

  it('a request may lower the budget: a paid call that would exceed it is over_budget, not made', async () => {
    const res = await env.http.post('/v1/score', { body: { ...largeOrder(), maxLookupCost: 1 } });

    expect(lookup(res.body, 'credit')).toMatchObject({ status: 'over_budget', cost: 0 });
    expect(lookup(res.body, 'partner').status).toBe('ok');
    expect(env.sandbox.calls.count('credit')).toBe(0);
  });
});
