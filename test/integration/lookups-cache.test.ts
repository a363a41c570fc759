import { aCorporateSignup } from '../helpers/prospects';
import { startSandboxedApp, withSourceSettings, type SandboxedApp } from '../helpers/sandboxed-app';

type Entry = { source: string; status: string; cost: number; fetchedAt: string | null };
const partnerOf = (body: { lookups: Entry[] }) =>
  body.lookups.find((entry) => entry.source === 'partner') as Entry;
const DAY = 86_400_000;

describe('lookup caching', () => {
  let env: SandboxedApp;
  beforeEach(async () => {
    env = await startSandboxedApp();
  });
  afterEach(() => env.close());
  const score = (headers?: Record<string, string>) =>
    env.http.post('/v1/score', { body: aCorporateSignup(), headers });

  it('serves a repeat from cache at no cost, and asks again once the TTL (7 days) has passed', async () => {
    const first = partnerOf((await score()).body);
    const second = partnerOf((await score()).body);

    expect(first).toMatchObject({ status: 'ok', cost: 0.05 });
    expect(second).toMatchObject({ status: 'cache', cost: 0, fetchedAt: first.fetchedAt });
    expect(env.sandbox.calls.count('partner')).toBe(1);

    env.clock.advance(7 * DAY + 1000);
    const third = partnerOf((await score()).body);
    expect(third).toMatchObject({ status: 'ok', cost: 0.05 });
    expect(env.sandbox.calls.count('partner')).toBe(2);
  });

  it('the same person written differently is one cache entry', async () => {
    await env.http.post('/v1/score', {
      body: aCorporateSignup({ company: { domain: 'Northwind-Analytics.com' } }),
    });
    await env.http.post('/v1/score', {
      body: aCorporateSignup({ company: { domain: 'https://www.northwind-analytics.com/about' } }),
    });
    expect(env.sandbox.calls.count('partner')).toBe(1);
  });

  it('serves an expired answer, marked stale, while the source is down (stale-if-error)', async () => {
    const fresh = partnerOf((await score()).body);
    env.clock.advance(8 * DAY);
    env.sandbox.faults.set('partner', { status: 503 });

    const res = await score();

    expect(partnerOf(res.body)).toMatchObject({ status: 'stale', fetchedAt: fresh.fetchedAt });
    expect(res.body.degraded).toBe(false);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain(
      'company-size-mid-market',
    );
  });

  it('treats a miss while the source is down as unavailable, never as "no data"', async () => {
    env.sandbox.faults.set('partner', { status: 503 });
    const res = await score();
    expect(partnerOf(res.body)).toMatchObject({ status: 'error', fetchedAt: null });
    expect(res.body.degraded).toBe(true);
  });

  it('Cache-Control: no-cache asks the source again', async () => {
    await score();
    const res = await score({ 'cache-control': 'no-cache' });
    expect(partnerOf(res.body).status).toBe('ok');
    expect(env.sandbox.calls.count('partner')).toBe(2);
  });
});

/**
 * 100 decisions at once in this one process: on a loaded machine the first call can take longer
 * than a source's production timeout (CRM 300 ms), and its retry would be a second upstream call
 * that says nothing about coalescing. Generous timeouts keep this test about coalescing only.
 */
describe('lookup caching under concurrency', () => {
  const patient = { timeoutMs: 10_000 };
  let env: SandboxedApp;
  beforeEach(async () => {
    env = await startSandboxedApp({
      ruleFiles: withSourceSettings({ crm: patient, partner: patient, credit: patient }),
      deadlineMs: 20_000,
    });
  });
  afterEach(() => env.close());

  it('coalesces 100 concurrent identical prospects into one upstream call per source', async () => {
    env.sandbox.faults.set('partner', { latencyMs: 50 });
    env.sandbox.faults.set('crm', { latencyMs: 50 });
    env.sandbox.faults.set('credit', { latencyMs: 50 });
    const body = aCorporateSignup({ consent: { creditCheck: true }, attributes: { seats: 80 } });

    const answers = await Promise.all(
      Array.from({ length: 100 }, () => env.http.post('/v1/score', { body })),
    );

    expect(answers.every((res) => res.status === 200 && res.body.status === 'scored')).toBe(true);
    expect(env.sandbox.calls.count('crm')).toBe(1);
    expect(env.sandbox.calls.count('partner')).toBe(1);
    expect(env.sandbox.calls.count('credit')).toBe(1);
    const paid = answers.filter((res) => partnerOf(res.body).cost > 0);
    expect(paid).toHaveLength(1);
  });
});
