import { api, problemOf } from '../helpers/api';
import { buildTestApp } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';

describe('bad input gets a clear problem+json answer, never a 500', () => {
  const { app, evaluations } = buildTestApp();
  const http = api(app);

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; text: string },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(res.text);
    expect(problem).toMatchObject({ status, code, type: `urn:prospect-scorer:problem:${code}` });
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    return problem;
  };

  it('answers malformed JSON with 400', async () => {
    const res = await http.post('/v1/score', {
      raw: '{"email": "a@b.com",',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400, 'malformed_json');
  });

  it('lists every bad field with its path, not just the first', async () => {
    const res = await http.post('/v1/score', {
      body: {
        email: 'not-an-email',
        phone: 12345,
        country: 'USA',
        company: { employees: -3, domain: 'acme dot com' },
        consent: { creditCheck: 'yes' },
        attributes: { notes: 'x'.repeat(1001), nested: { a: 1 } },
        favouriteColour: 'blue',
      },
    });
    const problem = expectProblem(res, 400, 'validation_failed');
    const paths = problem.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(
      [
        '/attributes/nested',
        '/attributes/notes',
        '/company/domain',
        '/company/employees',
        '/consent/creditCheck',
        '/country',
        '/email',
        '/favouriteColour',
        '/phone',
      ].sort(),
    );
    for (const error of problem.errors) expect(error.message).toEqual(expect.any(String));
  });

  it('requires an email or a phone', async () => {
    const res = await http.post('/v1/score', {
      body: { firstName: 'Ana', company: { name: 'Contoso' } },
    });
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.errors).toEqual([{ path: '/email', message: 'email or phone is required' }]);
  });

  it('refuses more than 50 attributes', async () => {
    const attributes = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`field${i}`, i]));
    const res = await http.post('/v1/score', { body: aCorporateSignup({ attributes }) });
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.errors[0].path).toBe('/attributes');
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['null', 'null'],
  ])('refuses %s as the body', async (_name, raw) => {
    const res = await http.post('/v1/score', {
      raw,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(['validation_failed', 'malformed_json']).toContain(problemOf(res).code);
  });

  it('refuses an empty body with 400', async () => {
    const res = await http.post('/v1/score', { headers: { 'content-type': 'application/json' } });
    expectProblem(res, 400, 'validation_failed');
  });

  it('answers a body over 100 kB with 413', async () => {
    const res = await http.post('/v1/score', {
      raw: JSON.stringify({ email: 'a@contoso-labs.com', padding: 'x'.repeat(101 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
    'answers content type %s with 415',
    async (type) => {
      const res = await http.post('/v1/score', {
        raw: 'email=a@b.com',
        headers: { 'content-type': type },
      });
      expectProblem(res, 415, 'unsupported_media_type');
    },
  );

  it('answers an unknown route with 404', async () => {
    expectProblem(await http.get('/v1/nothing-here'), 404, 'not_found');
    expectProblem(await http.post('/v2/score', { body: {} }), 404, 'not_found');
  });

  it.each([
    [
      '__proto__ at the top',
      '{"email":"a@contoso-labs.com","__proto__":{"admin":true}}',
      '/__proto__',
    ],
    [
      'constructor in company',
      '{"email":"a@contoso-labs.com","company":{"constructor":{"x":1}}}',
      '/company/constructor',
    ],
    [
      'prototype in attributes',
      '{"email":"a@contoso-labs.com","attributes":{"prototype":"x"}}',
      '/attributes/prototype',
    ],
    [
      '__proto__ deep in an array',
      '{"email":"a@contoso-labs.com","attributes":{"a":[{"b":{"__proto__":1}}]}}',
      '/attributes/a/0/b/__proto__',
    ],
  ])('refuses %s with 400 and the key path', async (_name, raw, path) => {
    const res = await http.post('/v1/score', {
      raw,
      headers: { 'content-type': 'application/json' },
    });
    const problem = expectProblem(res, 400, 'forbidden_key');
    expect(problem.errors).toEqual([{ path, message: expect.stringContaining('not allowed') }]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses absurdly deep nesting with 400', async () => {
    const raw = `{"email":"a@contoso-labs.com","attributes":${'['.repeat(40)}${']'.repeat(40)}}`;
    const res = await http.post('/v1/score', {
      raw,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400, 'validation_failed');
  });

  it('runs no rule for a request it refuses', async () => {
    const before = evaluations();
    await http.post('/v1/score', { body: { email: 'bad' } });
    expect(evaluations()).toBe(before);
  });

  it('echoes a safe X-Request-Id and replaces an unsafe one', async () => {
    const kept = await http.get('/healthz', { headers: { 'x-request-id': 'crm-sync-42' } });
    expect(kept.headers['x-request-id']).toBe('crm-sync-42');
    const replaced = await http.get('/healthz', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not reveal the framework', async () => {
    const res = await http.get('/healthz');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('an unexpected failure', () => {
  it('answers a generic 500 problem with the request id and logs the detail', async () => {
    const lines: Array<{ obj: object; msg?: string }> = [];
    const { app } = buildTestApp({
      customers: { match: async () => Promise.reject(new Error('secret internal detail')) },
      logger: { info() {}, warn() {}, error: (obj, msg) => lines.push({ obj, msg }) },
    });
    const res = await api(app).post('/v1/score', {
      body: aCorporateSignup(),
      headers: { 'x-request-id': 'req-1' },
    });

    expect(res.status).toBe(500);
    const problem = problemOf(res);
    expect(problem).toMatchObject({ code: 'internal_error', status: 500, requestId: 'req-1' });
    expect(res.text).not.toContain('secret internal detail');
    expect(lines).toHaveLength(1);
  });
});
