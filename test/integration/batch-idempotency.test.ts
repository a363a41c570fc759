import { problemOf } from '../helpers/api';
import { aCorporateSignup } from '../helpers/prospects';
import { startSandboxedApp, type SandboxedApp } from '../helpers/sandboxed-app';

describe('Idempotency-Key on batch requests', () => {
  let env: SandboxedApp;
  beforeEach(async () => {
    env = await startSandboxedApp();
  });
  afterEach(() => env.close());

  const batch = {
    prospects: [
      {
        ref: 'a',
        ...aCorporateSignup({ consent: { creditCheck: true }, attributes: { seats: 80 } }),
      },
      { ref: 'b', email: 'priya@contoso-labs.com', company: { name: 'Contoso Labs' } },
    ],
  };

  it('a retry with the same key and body gets the stored answer and makes zero upstream calls', async () => {
    const first = await env.http.post('/v1/score/batch', {
      body: batch,
      headers: { 'idempotency-key': 'sync-2026-11-22-001' },
    });
    const callsAfterFirst = env.sandbox.calls.total();
    expect(callsAfterFirst).toBeGreaterThan(0);
    // Even with the cache bypassed, a replay asks nothing.
    const retry = await env.http.post('/v1/score/batch', {
      body: batch,
      headers: { 'idempotency-key': 'sync-2026-11-22-001', 'cache-control': 'no-cache' },
    });

    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.text).toBe(first.text);
    expect(env.sandbox.calls.total()).toBe(callsAfterFirst);
  });

  it('the same key with a different body is 422', async () => {
    await env.http.post('/v1/score/batch', { body: batch, headers: { 'idempotency-key': 'k-1' } });
    const other = await env.http.post('/v1/score/batch', {
      body: { prospects: [batch.prospects[0]] },
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(other.status).toBe(422);
    expect(problemOf(other).code).toBe('idempotency_key_reused');
  });

  it('works for NDJSON streams too', async () => {
    const body = batch.prospects.map((p) => JSON.stringify(p)).join('\n');
    const headers = { 'content-type': 'application/x-ndjson', 'idempotency-key': 'stream-1' };
    const first = await env.http.post('/v1/score/batch', { raw: body, headers });
    const calls = env.sandbox.calls.total();
    const retry = await env.http.post('/v1/score/batch', { raw: body, headers });
    expect(retry.text).toBe(first.text);
    expect(env.sandbox.calls.total()).toBe(calls);
    const changed = await env.http.post('/v1/score/batch', { raw: `${body}\n`, headers });
    expect(changed.status).toBe(422);
  });

  it('lookups coalesce and cache across a batch: one partner call for many people at one company', async () => {
    const people = Array.from({ length: 20 }, (_, i) => ({
      ref: `p${i}`,
      email: `person${i}@northwind-analytics.com`,
      company: { domain: 'northwind-analytics.com' },
    }));
    const res = await env.http.post('/v1/score/batch', { body: { prospects: people } });
    expect(res.body.summary.total).toBe(20);
    expect(env.sandbox.calls.count('partner')).toBe(1);
  });
});
