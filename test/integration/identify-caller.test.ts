import { problemOf } from '../helpers/api';
import { startSandboxedApp, type SandboxedApp } from '../helpers/sandboxed-app';

describe('POST /v1/identify: who is calling, and what to do', () => {
  let env: SandboxedApp;
  beforeEach(async () => {
    env = await startSandboxedApp();
  });
  afterEach(() => env.close());

  it('names a known caller from the phone number alone and scores them as an inbound call', async () => {
    const res = await env.http.post('/v1/identify', { body: { phone: '(650) 253-0000' } });

    expect(res.status).toBe(200);
    expect(res.body.caller).toEqual({
      source: 'callerId',
      firstName: 'María',
      lastName: 'López',
      email: 'maria.lopez@northwind-analytics.com',
      company: { name: 'Northwind Analytics', domain: 'northwind-analytics.com' },
      address: expect.objectContaining({ city: 'San Francisco', country: 'US' }),
      lineType: 'fixed_line',
    });
    expect(res.body.status).toBe('scored');
    const codes = res.body.reasons.map((r: { code: string }) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining(['inbound-call', 'corporate-email', 'email-matches-company']),
    );
    expect(res.body.followUp).toEqual({
      priority: 'urgent',
      withinMinutes: 2,
      queue: 'sales-inbound',
    });
  });

  it('tells the agent an existing customer is calling, with who they are but no score', async () => {
    const res = await env.http.post('/v1/identify', { body: { phone: '+1 415 555 0100' } });

    expect(res.body).toMatchObject({
      status: 'existing_customer',
      score: null,
      decision: null,
      caller: { firstName: 'Olivia', lastName: 'Chen' },
    });
  });

  it('keeps what the agent typed over what the identity source says', async () => {
    const res = await env.http.post('/v1/identify', {
      body: { phone: '+16502530000', firstName: 'Maria', email: 'mlopez@northwind-analytics.com' },
    });
    expect(res.body.status).toBe('scored');
    expect(res.body.signals.emailMatchesCompanyDomain).toBe(true);
    expect(res.body.caller.firstName).toBe('María');
  });

  it('scores an unknown number on what it has, with caller null', async () => {
    const res = await env.http.post('/v1/identify', { body: { phone: '+1 212 555 0199' } });
    expect(res.body.caller).toBeNull();
    expect(res.body.status).toBe('scored');
    expect(res.body.lookups.find((e: { source: string }) => e.source === 'callerId').status).toBe(
      'ok',
    );
  });

  it('still answers when the identity source is down, marked degraded', async () => {
    env.sandbox.faults.set('identity', { status: 503 });
    const res = await env.http.post('/v1/identify', { body: { phone: '+16502530000' } });
    expect(res.status).toBe(200);
    expect(res.body.caller).toBeNull();
    expect(res.body.degraded).toBe(true);
  });

  it('requires a phone number', async () => {
    const res = await env.http.post('/v1/identify', { body: { email: 'a@contoso-labs.com' } });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([{ path: '/phone', message: expect.any(String) }]);
  });
});
