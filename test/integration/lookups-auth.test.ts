import { HttpLookupSource } from '../../src/adapters/http-source/http-lookup-source';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';
import { partnerDefinition } from '../helpers/partner-source';

const definition = () =>
  partnerDefinition({
    auth: { header: 'Authorization', prefix: 'Bearer ', secretEnv: 'PARTNER_API_KEY' },
  });

describe('a source with an auth header and a base URL from the environment', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it('sends the secret named by secretEnv to the base URL named by baseUrlEnv', async () => {
    const source = new HttpLookupSource({
      definition: definition(),
      env: { PARTNER_BASE_URL: sandbox.url, PARTNER_API_KEY: 's3cret' },
      now: Date.now,
    });
    try {
      const answer = await source.fetch(
        { companyDomain: 'northwind-analytics.com' },
        { deadline: Date.now() + 1000, noCache: false },
      );
      expect(answer).toMatchObject({ status: 'ok', record: { fields: { employees: 240 } } });
      expect(sandbox.calls.lastHeaders('partner')?.authorization).toBe('Bearer s3cret');
    } finally {
      source.close();
    }
  });

  it('refuses to build the source when the secret is not in the environment, naming the variable', () => {
    expect(
      () => new HttpLookupSource({ definition: definition(), env: {}, now: Date.now }),
    ).toThrow(/PARTNER_API_KEY/);
  });

  it('treats a "no record" status as a valid, cacheable answer, not a failure', async () => {
    const source = new HttpLookupSource({
      definition: definition(),
      env: { PARTNER_BASE_URL: sandbox.url, PARTNER_API_KEY: 'k' },
      now: Date.now,
    });
    try {
      const options = { deadline: Date.now() + 1000, noCache: false };
      const first = await source.fetch({ companyDomain: 'unknown-startup.io' }, options);
      const second = await source.fetch({ companyDomain: 'unknown-startup.io' }, options);
      expect(first).toMatchObject({ status: 'ok', record: { notFound: true, fields: {} } });
      expect(second.status).toBe('cache');
    } finally {
      source.close();
    }
  });
});
