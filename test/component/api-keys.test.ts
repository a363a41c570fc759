import request from 'supertest';
import { api, problemOf } from '../helpers/api';
import { KEYS, bearer, fromForm, keysAuth } from '../helpers/api-keys';
import { buildTestApp } from '../helpers/build-test-app';
import { expectResponseToMatchSpec } from '../helpers/openapi-contract';
import { aCorporateSignup } from '../helpers/prospects';

const signup = aCorporateSignup();

/** Each protected operation with a body it accepts. */
const ROUTES = {
  score: { method: 'post', path: '/v1/score', body: signup },
  batch: { method: 'post', path: '/v1/score/batch', body: { prospects: [signup] } },
  identify: { method: 'post', path: '/v1/identify', body: { phone: '+1 650 253 0000' } },
  rules: { method: 'get', path: '/v1/rules', body: undefined },
  validate: { method: 'post', path: '/v1/rules/validate', body: { files: {} } },
  dryRun: {
    method: 'post',
    path: '/v1/rules/dry-run',
    body: { files: {}, prospects: [{ prospect: signup }] },
  },
} as const;
type RouteName = keyof typeof ROUTES;

/** Which key reaches which route: the brief's scope table, spelled out. */
const ACCESS: Array<[string, Record<string, string>, RouteName[]]> = [
  ['a publishable (score) key from its own origin', fromForm(), ['score']],
  ['a secret enrich key', bearer(KEYS.crm), ['score', 'batch', 'identify']],
  ['a secret admin key', bearer(KEYS.ops), ['rules', 'validate', 'dryRun']],
  [
    'a secret key with enrich and admin',
    bearer(KEYS.opsAndCrm),
    ['score', 'batch', 'identify', 'rules', 'validate', 'dryRun'],
  ],
];
const CASES = ACCESS.flatMap(([who, headers, allowed]) =>
  (Object.keys(ROUTES) as RouteName[]).map(
    (route) => [who, allowed.includes(route), route, headers] as const,
  ),
);

describe('API keys and scopes', () => {
  const http = api(buildTestApp({ auth: keysAuth() }).app);
  const call = (route: RouteName, headers: Record<string, string> = {}) => {
    const { method, path, body } = ROUTES[route];
    return http[method](path, { body, headers });
  };

  it.each(CASES)('%s: allowed=%s on %s', async (_who, allowed, route, headers) => {
    const res = await call(route, headers);
    if (allowed) {
      expect(res.status).toBe(200);
    } else {
      expect(res.status).toBe(403);
      expect(problemOf(res).code).toBe('forbidden');
    }
  });

  it.each(Object.keys(ROUTES) as RouteName[])(
    'answers %s without a key with 401 and WWW-Authenticate: Bearer',
    async (route) => {
      const res = await call(route);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(problemOf(res).code).toBe('unauthorized');
    },
  );

  it.each([
    ['an empty bearer token', { authorization: 'Bearer ' }],
    ['another auth scheme', { authorization: `Basic ${KEYS.crm}` }],
    ['a malformed key', bearer('not-a-key')],
    ['an unknown key id', bearer('sk_nosuchid_Crm00001SecretSecretSecret1')],
    ['a known id with the wrong secret', bearer('sk_crm00001_WrongSecretWrongSecretWrong')],
    ['a secret key dressed as publishable', bearer(KEYS.crm.replace(/^sk_/, 'pk_'))],
    ['a bad X-API-Key', { 'x-api-key': 'sk_crm00001_WrongSecretWrongSecretWrong' }],
  ])('gives %s the same 401 as no key at all', async (_what, headers) => {
    const none = await call('batch');
    const res = await call('batch', headers);
    expect(res.status).toBe(401);
    expect({ ...problemOf(res), requestId: undefined }).toEqual({
      ...problemOf(none),
      requestId: undefined,
    });
  });

  it('accepts the key in X-API-Key as well as Authorization: Bearer', async () => {
    const res = await call('batch', { 'x-api-key': KEYS.crm });
    expect(res.status).toBe(200);
  });

  it('lets both active keys of a client in, so keys can be rotated without downtime', async () => {
    for (const headers of [bearer(KEYS.crm), bearer(KEYS.crmNext)]) {
      expect((await call('identify', headers)).status).toBe(200);
    }
    for (const headers of [fromForm(KEYS.form), fromForm(KEYS.formNext)]) {
      expect((await call('score', headers)).status).toBe(200);
    }
  });

  it('leaves /healthz and /openapi.yaml open', async () => {
    expect((await http.get('/healthz')).status).toBe(200);
    expect((await http.get('/openapi.yaml')).status).toBe(200);
  });

  it('never parses a stranger’s body: broken JSON without a key is 401, not 400', async () => {
    const res = await http.post('/v1/score', {
      raw: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
  });

  it('guards a route however its path is cased or slashed, as Express routes it', async () => {
    const res = await request(buildTestApp({ auth: keysAuth() }).app)
      .post('/V1/Score/Batch/')
      .send({ prospects: [signup] });
    expect(res.status).toBe(401);
  });

  it('tells a stranger nothing about unknown paths: 401 without a key, 404 with an admin key', async () => {
    const app = buildTestApp({ auth: keysAuth() }).app;
    const stranger = await request(app).get('/v1/customers');
    expect(stranger.status).toBe(401);
    const admin = await api(app).get('/v1/customers', { headers: bearer(KEYS.ops) });
    expect(admin.status).toBe(404);
  });
});

describe('/metrics access (METRICS_ACCESS)', () => {
  it('needs an admin key by default', async () => {
    const app = buildTestApp({ auth: keysAuth() }).app;
    const stranger = await request(app).get('/metrics');
    expect(stranger.status).toBe(401);
    const crm = await request(app).get('/metrics').set(bearer(KEYS.crm));
    expect(crm.status).toBe(403);
    const admin = await request(app).get('/metrics').set(bearer(KEYS.ops));
    expect(admin.status).toBe(200);
    expect(admin.text).toContain('prospect_scorer_http_requests_total');
    expectResponseToMatchSpec(admin, 'get', '/metrics');
  });

  it('is open to anyone with METRICS_ACCESS=open', async () => {
    const app = buildTestApp({ auth: keysAuth({ metricsAccess: 'open' }) }).app;
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expectResponseToMatchSpec(res, 'get', '/metrics');
  });
});

describe('a service without keys (development mode)', () => {
  it('lets every route through and answers with the full decision', async () => {
    const http = api(buildTestApp().app);
    const res = await http.post('/v1/score', { body: signup });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('scored');
    expect((await http.get('/v1/rules')).status).toBe(200);
  });
});
