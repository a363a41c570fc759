import request from 'supertest';
import { api } from '../helpers/api';
import { KEYS, bearer, keysAuth } from '../helpers/api-keys';
import { buildTestApp } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';

/** Every route that reads a body, with how its body is sent. */
const BODY_ROUTES: Array<[string, string, (payload: string) => string]> = [
  ['/v1/score', 'application/json', (p) => p],
  ['/v1/identify', 'application/json', (p) => p],
  ['/v1/score/batch', 'application/json', (p) => `{"prospects":[${p}]}`],
  ['/v1/score/batch', 'application/x-ndjson', (p) => `${p}\n`],
  ['/v1/rules/validate', 'application/json', (p) => `{"files":{},"extra":${p}}`],
  ['/v1/rules/dry-run', 'application/json', (p) => `{"files":{},"prospects":[{"prospect":${p}}]}`],
];

const POLLUTERS = [
  '{"phone":"+1 650 253 0000","__proto__":{"polluted":"yes"}}',
  '{"phone":"+1 650 253 0000","constructor":{"prototype":{"polluted":"yes"}}}',
  '{"phone":"+1 650 253 0000","attributes":{"__proto__":{"polluted":"yes"}}}',
];

describe('prototype pollution through a request body', () => {
  const http = api(buildTestApp({ auth: keysAuth() }).app);

  it('runs with __proto__ removed, as the service does (node --disable-proto=delete)', () => {
    // npm test and CI set NODE_OPTIONS=--disable-proto=delete; a bare `npx jest` may not.
    const disabled = (process.env.NODE_OPTIONS ?? '').includes('--disable-proto=delete');
    expect(Object.getOwnPropertyDescriptor(Object.prototype, '__proto__') === undefined).toBe(
      disabled,
    );
  });

  it.each(
    BODY_ROUTES.flatMap(([path, type, wrap]) =>
      POLLUTERS.map((p, i) => [path, type, i + 1, wrap(p)] as const),
    ),
  )(
    'changes nothing when %s (%s) is sent pollution attempt %s',
    async (path, type, _attempt, raw) => {
      const res = await http.post(path, {
        raw,
        headers: { ...bearer(KEYS.opsAndCrm), 'content-type': type },
      });
      expect(res.status).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      // Refused as a whole or, in an NDJSON stream, record by record.
      expect(res.text).toMatch(/forbidden_key|validation_failed|not allowed|reserved key/);
    },
  );
});

describe('security headers and strict input', () => {
  const app = buildTestApp().app;

  it('sends API security headers and never caches answers', async () => {
    const res = await api(app).post('/v1/score', { body: aCorporateSignup() });
    expect(res.headers).toMatchObject({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a JSON body in a charset other than UTF-8 with 415', async () => {
    const res = await api(app).post('/v1/score', {
      raw: '{"email":"a@contoso-labs.com"}',
      headers: { 'content-type': 'application/json; charset=latin1' },
    });
    expect(res.status).toBe(415);
  });

  it('refuses a body sent without a content type with 415', async () => {
    const res = await request(app)
      .post('/v1/score')
      .set('content-type', '')
      .send(Buffer.from('{"email":"a@contoso-labs.com"}'));
    expect(res.status).toBe(415);
  });
});
