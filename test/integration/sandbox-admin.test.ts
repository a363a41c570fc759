import { useSandbox } from '../helpers/sandbox-fixture';

const fixture = useSandbox();
const { get } = fixture;

describe('the sandbox call log and admin routes', () => {
  it('counts calls per group as they arrive and keeps the last request headers', async () => {
    await get('/partner/companies/contoso-labs.com', {
      headers: { authorization: 'Bearer sandbox-token' },
    });
    expect(fixture.sandbox.calls.lastHeaders('partner')?.authorization).toBe(
      'Bearer sandbox-token',
    );
    await get('/partner/companies/unknown-x.com');
    await get('/crm/customers?domain=tailspin-toys.com');
    expect(fixture.sandbox.calls.count('partner')).toBe(2);
    expect(fixture.sandbox.calls.count('crm')).toBe(1);
    expect(fixture.sandbox.calls.count('credit')).toBe(0);
    expect(fixture.sandbox.calls.total()).toBe(3);
    // Only the last call's headers are kept, and the second partner call sent no credentials.
    expect(fixture.sandbox.calls.lastHeaders('partner')?.authorization).toBeUndefined();
    expect(fixture.sandbox.calls.lastHeaders('identity')).toBeUndefined();

    fixture.sandbox.calls.reset();
    expect(fixture.sandbox.calls.total()).toBe(0);
    expect(fixture.sandbox.calls.lastHeaders('partner')).toBeUndefined();
  });

  it('reports and resets counts over HTTP without counting itself', async () => {
    await get('/credit/reports?email=maria.lopez@northwind-analytics.com');
    await get('/identity/phones/%2B14155550100');
    expect(await get('/__sandbox/calls')).toEqual({
      status: 200,
      body: { partner: 0, credit: 1, identity: 1, crm: 0 },
    });
    const reset = await fetch(`${fixture.sandbox.url}/__sandbox/calls`, { method: 'DELETE' });
    expect(reset.status).toBe(204);
    expect(fixture.sandbox.calls.total()).toBe(0);
  });

  it('sets and clears faults over HTTP, rejecting bad input', async () => {
    const put = (group: string, body: string) =>
      fetch(`${fixture.sandbox.url}/__sandbox/faults/${group}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const ok = await put('credit', JSON.stringify({ status: 503 }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ group: 'credit', fault: { status: 503 } });
    expect((await get('/credit/reports?email=a@b.com')).status).toBe(503);

    const clear = await fetch(`${fixture.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
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
    expect(fixture.sandbox.calls.total()).toBe(2);
  });

  it('clears one group over HTTP, leaving the others', async () => {
    fixture.sandbox.faults.set('credit', { status: 503 });
    fixture.sandbox.faults.set('crm', { status: 500 });
    const res = await fetch(`${fixture.sandbox.url}/__sandbox/faults/credit`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await get('/credit/reports?email=a@b.com')).status).toBe(200);
    expect((await get('/crm/customers?domain=x.com')).status).toBe(500);
  });
});
