import { HttpLookupSource } from '../../src/adapters/http-source/http-lookup-source';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';
import { partnerDefinition } from '../helpers/partner-source';

const definition = partnerDefinition({ cache: { ttlSeconds: 60, maxEntries: 1000 } });

describe('a lookup cache bounded by memory as well as by entries', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it('forgets the least recently used answers once its bytes are spent, below maxEntries', async () => {
    const source = new HttpLookupSource({
      definition,
      env: { PARTNER_BASE_URL: sandbox.url },
      now: Date.now,
      cacheMaxBytes: 10 * 400,
    });
    const domains = Array.from({ length: 40 }, (_, i) => `company-${i}.example`);
    try {
      for (const companyDomain of domains) {
        await source.fetch({ companyDomain }, { deadline: Date.now() + 1000, noCache: false });
      }
      const kept = domains.filter((companyDomain) => source.cached({ companyDomain }));

      expect(sandbox.calls.count('partner')).toBe(40);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(20);
      expect(kept).toEqual(domains.slice(-kept.length));
    } finally {
      source.close();
    }
  });

  it('holds up to maxEntries when no memory bound is given', async () => {
    const source = new HttpLookupSource({
      definition,
      env: { PARTNER_BASE_URL: sandbox.url },
      now: Date.now,
    });
    const domains = Array.from({ length: 40 }, (_, i) => `other-${i}.example`);
    try {
      for (const companyDomain of domains) {
        await source.fetch({ companyDomain }, { deadline: Date.now() + 1000, noCache: false });
      }
      expect(domains.filter((companyDomain) => source.cached({ companyDomain }))).toEqual(domains);
    } finally {
      source.close();
    }
  });
});
