import { api, problemOf } from '../helpers/api';
import { KEYS, bearer, fromForm, keysAuth, testKeysFile } from '../helpers/api-keys';
import { buildTestApp } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';

const signup = aCorporateSignup();

describe('rate limits', () => {
  it('answers the request over a client’s limit with 429 and Retry-After', async () => {
    const http = api(buildTestApp({ auth: keysAuth({ limits: { perMinute: 2 } }) }).app);
    const score = (key: string) => http.post('/v1/score', { body: signup, headers: bearer(key) });

    const first = await score(KEYS.crm);
    const second = await score(KEYS.crmNext); // the client's other key counts against the same limit
    const third = await score(KEYS.crm);

    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect(first.headers['ratelimit-remaining']).toBe('1');
    expect(problemOf(third).code).toBe('rate_limited');
    expect(Number(third.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(third.headers['ratelimit-remaining']).toBe('0');
    // Another client has its own allowance.
    expect((await score(KEYS.opsAndCrm)).status).toBe(200);
  });

  it('counts a batch as one request, whatever its size', async () => {
    const http = api(buildTestApp({ auth: keysAuth({ limits: { perMinute: 2 } }) }).app);
    const batch = () =>
      http.post('/v1/score/batch', {
        body: { prospects: [signup, signup, signup, signup] },
        headers: bearer(KEYS.crm),
      });
    expect([(await batch()).status, (await batch()).status, (await batch()).status]).toEqual([
      200, 200, 429,
    ]);
  });

  it('takes a client’s own limit from the keys file over the default', async () => {
    const file = testKeysFile();
    const crm = file.clients.find((client) => client.name === 'crm');
    if (crm === undefined) throw new Error('the test keys file has no crm client');
    crm.rateLimit = { perMinute: 1 };
    const http = api(buildTestApp({ auth: keysAuth({ file, limits: { perMinute: 100 } }) }).app);
    const score = () => http.post('/v1/score', { body: signup, headers: bearer(KEYS.crm) });
    expect([(await score()).status, (await score()).status]).toEqual([200, 429]);
  });

  describe('for a publishable key, per client IP as well, behind one trusted proxy', () => {
    const http = api(
      buildTestApp({
        auth: keysAuth({ limits: { perMinute: 100, publishablePerIpPerMinute: 2 } }),
        trustedProxies: 1,
      }).app,
    );
    const fromIp = (ip: string) =>
      http.post('/v1/score', { body: signup, headers: { ...fromForm(), 'x-forwarded-for': ip } });

    it('limits one browser without shutting the form for everyone', async () => {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await fromIp('203.0.113.5')).status);
      expect(statuses).toEqual([200, 200, 429]);

      const limited = await fromIp('203.0.113.5');
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      // A browser reading the 429 may see why.
      expect(limited.headers['access-control-allow-origin']).toBe(fromForm().origin);

      expect((await fromIp('198.51.100.7')).status).toBe(200);
    });
  });

  it('ignores X-Forwarded-For when no proxy is trusted, so a client cannot pick its own IP', async () => {
    const http = api(
      buildTestApp({
        auth: keysAuth({ limits: { perMinute: 100, publishablePerIpPerMinute: 2 } }),
      }).app,
    );
    const statuses = [];
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      const headers = { ...fromForm(), 'x-forwarded-for': ip };
      statuses.push((await http.post('/v1/score', { body: signup, headers })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('turns requests without a valid key away at 401 without counting them', async () => {
    const http = api(buildTestApp({ auth: keysAuth({ limits: { perMinute: 1 } }) }).app);
    for (let i = 0; i < 3; i += 1) {
      expect((await http.post('/v1/score', { body: signup })).status).toBe(401);
    }
    expect((await http.post('/v1/score', { body: signup, headers: bearer(KEYS.crm) })).status).toBe(
      200,
    );
  });
});
