import type { SandboxGroup } from '../../src/sandbox/sandbox-app';
import { startSandbox } from '../../src/sandbox/start-sandbox';
import { useSandbox } from '../helpers/sandbox-fixture';

const fixture = useSandbox();

const COMPANY = '/partner/companies/northwind-analytics.com';
const PATHS: Record<SandboxGroup, string> = {
  partner: COMPANY,
  credit: '/credit/reports?email=maria.lopez%40northwind-analytics.com',
  identity: `/identity/phones/${encodeURIComponent('+16502530000')}`,
  crm: '/crm/customers?domain=tailspin-toys.com',
};

const call = (path: string, init?: RequestInit) => fetch(`${fixture.sandbox.url}${path}`, init);

/** Polls rather than sleeping: how soon a request reaches the server varies by machine. */
async function eventually(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('sandbox faults', () => {
  it('latency delays the answer, which still arrives and is counted', async () => {
    fixture.sandbox.faults.set('partner', { latencyMs: 60 });
    const started = Date.now();
    const res = await call(COMPANY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ company: { name: 'Northwind Analytics' } });
    expect(fixture.sandbox.calls.count('partner')).toBe(1);
  });

  it('status answers every call with that status and a JSON error', async () => {
    fixture.sandbox.faults.set('identity', { status: 502 });
    for (let i = 0; i < 2; i += 1) {
      const res = await call(PATHS.identity);
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ error: 'sandbox_fault', status: 502 });
    }
    fixture.sandbox.faults.clear('identity');
    expect((await call(PATHS.identity)).status).toBe(200);
  });

  it('errorRate 0.5 fails exactly every second call, counted from when it was set', async () => {
    await call(COMPANY);
    fixture.sandbox.faults.set('partner', { errorRate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await call(COMPANY)).status);
    expect(statuses).toEqual([200, 503, 200, 503, 200, 503, 200, 503, 200, 503]);
    expect(fixture.sandbox.calls.count('partner')).toBe(11);
  });

  it('errorRate only counts calls of its own group', async () => {
    fixture.sandbox.faults.set('credit', { errorRate: 0.5 });
    await call(COMPANY);
    expect((await call(PATHS.credit)).status).toBe(200);
    expect((await call(PATHS.credit)).status).toBe(503);
  });

  it('invalid-json answers 200 with a body that does not parse', async () => {
    fixture.sandbox.faults.set('credit', { malformed: 'invalid-json' });
    const res = await call(PATHS.credit);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('wrong-shape answers 200 with valid JSON of the wrong shape, per group', async () => {
    const expected: Record<SandboxGroup, unknown> = {
      partner: { company: { employees: 'lots', industry: 7 } },
      credit: { report: { score: 'high' } },
      identity: { person: 'nobody' },
      crm: { isCustomer: 'maybe' },
    };
    for (const group of Object.keys(PATHS) as SandboxGroup[]) {
      fixture.sandbox.faults.set(group, { malformed: 'wrong-shape' });
      const res = await call(PATHS[group]);
      expect({ group, status: res.status, body: await res.json() }).toEqual({
        group,
        status: 200,
        body: expected[group],
      });
    }
  });

  it('hang never answers, so the client has to give up', async () => {
    fixture.sandbox.faults.set('crm', { hang: true });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 200);
    await expect(call(PATHS.crm, { signal: controller.signal })).rejects.toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
    clearTimeout(timer);
    expect(fixture.sandbox.calls.count('crm')).toBe(1);
    fixture.sandbox.faults.clear();
    expect((await call(PATHS.crm)).status).toBe(200);
  });

  it('reset drops the connection without an answer', async () => {
    fixture.sandbox.faults.set('identity', { reset: true });
    await expect(call(PATHS.identity)).rejects.toMatchObject({
      message: 'fetch failed',
      cause: expect.objectContaining({ code: 'ECONNRESET' }),
    });
    expect(fixture.sandbox.calls.count('identity')).toBe(1);
    fixture.sandbox.faults.clear();
    expect((await call(PATHS.identity)).status).toBe(200);
  });

  it('rejects an invalid fault set from code', () => {
    expect(() => fixture.sandbox.faults.set('partner', { errorRate: 1.5 })).toThrow();
  });
});

describe('closing the sandbox', () => {
  it('does not wait for a hanging request', async () => {
    const own = await startSandbox({ port: 0 });
    own.faults.set('partner', { hang: true, latencyMs: 5 });
    const pending = fetch(`${own.url}${COMPANY}`);
    pending.catch(() => undefined);
    await eventually(() => own.calls.count('partner') === 1);
    const started = Date.now();
    await own.close();
    // Generous: it only has to be far below the default five-minute request timeout.
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(pending).rejects.toThrow('fetch failed');
    await expect(own.close()).resolves.toBeUndefined();
  });
});
