import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.calls.reset();
});

async function get(path: string, init?: RequestInit) {
  const res = await fetch(`${sandbox.url}${path}`, init);
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('the sandbox call log and admin routes', () => {
  it('counts calls per group as they arrive and keeps the last request headers', async () => {
    await get('/partner/companies/contoso-labs.com', {
      headers: { authorization: 'Bearer sandbox-token' },
    });
    expect(sandbox.calls.lastHeaders('partner')?.authorization).toBe('Bearer sandbox-token');
    await get('/partner/companies/unknown-x.com');
    await get('/crm/customers?domain=tailspin-toys.com');
    expect(sandbox.calls.count('partner')).toBe(2);
    expect(sandbox.calls.count('crm')).toBe(1);
    expect(sandbox.calls.count('credit')).toBe(0);
    expect(sandbox.calls.total()).toBe(3);
    // Only the last call's headers are kept, and the second partner call sent no credentials.
    expect(sandbox.calls.lastHeaders('partner')?.authorization).toBeUndefined();
    expect(sandbox.calls.lastHeaders('identity')).toBeUndefined();

    sandbox.calls.reset();
    expect(sandbox.calls.total()).toBe(0);
    expect(sandbox.calls.lastHeaders('partner')).toBeUndefined();
  });

  it('reports and resets counts over HTTP without counting itself', async () => {
    await get('/credit/reports?email=maria.lopez@northwind-analytics.com');
    await get('/identity/phones/%2B14155550100');
    expect(await get('/__sandbox/calls')).toEqual({
      status: 200,
      body: { partner: 0, credit: 1, identity: 1, crm: 0 },
    });
    const reset = await fetch(`${sandbox.url}/__sandbox/calls`, { method: 'DELETE' });
    expect(reset.status).toBe(204);
    expect(sandbox.calls.total()).toBe(0);
  });

  it('sets and clears faults over HTTP, rejecting bad input', async () => {
    const put = (group: string, body: string) =>
      fetch(`${sandbox.url}/__sandbox/faults/${group}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const ok = await put('credit', JSON.stringify({ status: 503 }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ group: 'credit', fault: { status: 503 } });
    expect((await get('/credit/reports?email=a@b.com')).status).toBe(503);

    const clear = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    expect(clear.status).toBe(204);
    expect((await get('/credit/reports?email=a@b.com')).status).toBe(200);

    for (const [group, body] of [
      ['credit', JSON.stringify({ errorRate: 2 })],
      ['credit', JSON.stringify({ latencyMs: -1 })],
      ['credit', JSON.stringify({ malformed: 'xml' })],
      ['credit', JSON.stringify({ surprise: true })],
      ['credit', '{not json'],
      ['credit', '[]'],
      ['billing', JSON.stringify({ status: 503 })],
    ] as const) {
      const res = await put(group, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect(sandbox.calls.total()).toBe(2);
  });

  it('clears one group over HTTP, leaving the others', async () => {
    sandbox.faults.set('credit', { status: 503 });
    sandbox.faults.set('crm', { status: 500 });
    const res = await fetch(`${sandbox.url}/__sandbox/faults/credit`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await get('/credit/reports?email=a@b.com')).status).toBe(200);
    expect((await get('/crm/customers?domain=x.com')).status).toBe(500);
  });
});
