import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildDependencies, type Dependencies } from '../../src/deps';
import { sandboxEnv } from '../../src/sandbox/sandbox-env';
import { api } from '../helpers/api';
import { DEFAULT_RULES_DIR, silentLogger } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';
import { useSandbox } from '../helpers/sandbox-fixture';

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** The samples of one metric in a Prometheus text scrape. */
function samplesOf(scrape: string, name: string): Sample[] {
  const pattern = new RegExp(`^${name}(?:\\{(.*)\\})? (\\S+)$`, 'gm');
  return [...scrape.matchAll(pattern)].map(([, labels = '', value]) => ({
    labels: Object.fromEntries(
      [...labels.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, val]) => [key, val]),
    ),
    value: Number(value),
  }));
}

const valueOf = (scrape: string, name: string, labels: Record<string, string>) =>
  samplesOf(scrape, name).find((sample) =>
    Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;

describe('GET /metrics after a few requests, with the real composition root and the sandbox', () => {
  const fixture = useSandbox();
  let deps: Dependencies;
  let rulesDir: string;

  beforeAll(async () => {
    rulesDir = mkdtempSync(join(tmpdir(), 'rules-'));
    cpSync(DEFAULT_RULES_DIR, rulesDir, { recursive: true });
    const config = loadConfig({ RULES_DIR: rulesDir, RULES_WATCH: 'false', SANDBOX_PORT: 'off' });
    deps = await buildDependencies(config, {
      clock: { now: () => new Date() },
      logger: silentLogger,
      env: sandboxEnv(fixture.sandbox.url),
    });
  });
  afterAll(() => deps.close());

  it('exposes every family with real values', async () => {
    const http = api(createApp(deps.app));
    const signup = aCorporateSignup({
      attributes: { seats: 80 },
      consent: { creditCheck: true },
    });
    await http.post('/v1/score', { body: signup });
    await http.post('/v1/score', { body: signup }); // answered from the caches
    await http.post('/v1/score', {
      body: aCorporateSignup({ email: 'olivia.chen@fabrikam-industries.com' }),
    });
    await http.post('/v1/score', { body: { email: 42 } });
    await http.get('/nowhere?email=someone@example.com');
    fixture.sandbox.faults.set('crm', { status: 503 });
    for (let i = 0; i < 6; i += 1) {
      await http.post('/v1/score', {
        body: aCorporateSignup({ email: `down${i}@contoso-labs.com` }),
      });
    }
    writeFileSync(join(rulesDir, 'fit.rules.json'), '[{"name": "half-written",');
    await deps.reloader.reload();

    const res = await http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    const p = 'prospect_scorer_';

    expect(
      valueOf(text, `${p}http_requests_total`, {
        route: '/v1/score',
        method: 'POST',
        status: '200',
      }),
    ).toBe(9);
    expect(valueOf(text, `${p}http_requests_total`, { route: '/v1/score', status: '400' })).toBe(1);
    expect(valueOf(text, `${p}http_requests_total`, { route: 'unmatched', status: '404' })).toBe(1);
    expect(
      valueOf(text, `${p}http_request_duration_seconds_count`, {
        route: '/v1/score',
        status: '200',
      }),
    ).toBe(9);
    expect(
      valueOf(text, `${p}http_request_duration_seconds_sum`, { route: '/v1/score', status: '200' }),
    ).toBeGreaterThan(0);

    const decisions = samplesOf(text, `${p}decisions_total`);
    expect(
      decisions.filter((s) => s.labels.outcome !== 'unverified').reduce((n, s) => n + s.value, 0),
    ).toBe(2);
    expect(valueOf(text, `${p}decisions_total`, { outcome: 'unverified', tier: 'none' })).toBe(6);
    expect(valueOf(text, `${p}existing_customer_skips_total`, { matched_by: 'email' })).toBe(1);

    expect(valueOf(text, `${p}lookups_total`, { source: 'partner', status: 'ok' })).toBe(1);
    expect(valueOf(text, `${p}lookups_total`, { source: 'partner', status: 'cache' })).toBe(1);
    expect(valueOf(text, `${p}lookups_total`, { source: 'crm', status: 'error' })).toBeGreaterThan(
      0,
    );
    expect(valueOf(text, `${p}lookup_duration_seconds_count`, { source: 'partner' })).toBe(2);
    expect(valueOf(text, `${p}lookup_cost_total`, { source: 'partner' })).toBeCloseTo(0.05);
    expect(valueOf(text, `${p}lookup_cost_total`, { source: 'credit' })).toBeCloseTo(1.5);
    expect(valueOf(text, `${p}lookup_cache_total`, { source: 'partner', result: 'hit' })).toBe(1);
    expect(valueOf(text, `${p}lookup_cache_total`, { source: 'partner', result: 'miss' })).toBe(1);

    expect(valueOf(text, `${p}breaker_state`, { source: 'crm' })).toBe(2);
    expect(valueOf(text, `${p}breaker_state`, { source: 'partner' })).toBe(0);
    const version = deps.app.scoring.rules.current().version;
    expect(valueOf(text, `${p}ruleset_info`, { version })).toBe(1);
    expect(valueOf(text, `${p}ruleset_reload_failures_total`, {})).toBe(1);
    expect(valueOf(text, `${p}process_resident_memory_bytes`, {})).toBeGreaterThan(0);
  });
});
