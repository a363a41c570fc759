import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api } from '../helpers/api';
import { PROJECT_ROOT, buildTestApp } from '../helpers/build-test-app';

describe('service metadata routes', () => {
  const { app } = buildTestApp();
  const http = api(app);

  it('GET /healthz says ok', async () => {
    const res = await http.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /openapi.yaml serves the contract file', async () => {
    const res = await http.get('/openapi.yaml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    expect(res.text).toBe(readFileSync(join(PROJECT_ROOT, 'openapi.yaml'), 'utf8'));
  });

  it('GET /v1/rules lists every active rule with its priority, event and file', async () => {
    const res = await http.get('/v1/rules');
    expect(res.status).toBe(200);
    expect(res.body.rules.length).toBeGreaterThanOrEqual(20);
    const disposable = res.body.rules.find((r: { name: string }) => r.name === 'disposable-email');
    expect(disposable).toMatchObject({
      name: 'disposable-email',
      priority: 100,
      file: 'hygiene.rules.json',
      event: { type: 'disqualify', params: { message: 'Disposable (throwaway) email address' } },
    });
    expect(res.body.policy.tiers.map((t: { name: string }) => t.name)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
    expect(new Date(res.body.loadedAt).toISOString()).toBe(res.body.loadedAt);
  });
});
