import { api, problemOf } from '../helpers/api';
import { buildTestApp } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';

const CUSTOMERS = ['olivia.chen@fabrikam-industries.com'];

describe('POST /v1/score/batch with application/json', () => {
  const http = api(buildTestApp({ customerLines: CUSTOMERS }).app);

  it('answers every record in input order with its ref, a bad record failing alone', async () => {
    const prospects = [
      JSON.stringify({ ref: 'lead-1', ...aCorporateSignup() }),
      JSON.stringify({ ref: 'lead-2', email: 'not-an-email', company: { employees: -1 } }),
      JSON.stringify({ ref: 'lead-3', email: 'sam@mailinator.com' }),
      JSON.stringify({ email: 'no-ref@contoso-labs.com' }),
      '{"ref": "lead-5", "email": "x@contoso-labs.com", "__proto__": {"admin": true}}',
    ];
    const res = await http.post('/v1/score/batch', {
      raw: `{"prospects": [${prospects.join(',')}]}`,
      headers: { 'content-type': 'application/json' },
    });

    expect(res.status).toBe(200);
    const { results, summary } = res.body;
    expect(results.map((r: { index: number; ref?: string }) => [r.index, r.ref])).toEqual([
      [0, 'lead-1'],
      [1, 'lead-2'],
      [2, 'lead-3'],
      [3, undefined],
      [4, 'lead-5'],
    ]);
    expect(results[0].result).toMatchObject({ status: 'scored', decision: 'qualified' });
    expect(results[1].error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(results[1].error.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/company/employees',
      '/email',
    ]);
    expect(results[2].result.decision).toBe('disqualified');
    expect(results[3].result.status).toBe('scored');
    expect(results[4].error).toMatchObject({
      code: 'forbidden_key',
      errors: [{ path: '/__proto__' }],
    });
    expect(summary).toMatchObject({ total: 5, scored: 3, errors: 2, existingCustomers: 0 });
  });

  it('skips existing customers with nothing that labels them, and counts them', async () => {
    const res = await http.post('/v1/score/batch', {
      body: {
        prospects: [
          { ref: 'c-1', email: 'Olivia.Chen@fabrikam-industries.com' },
          { ref: 'p-1', ...aCorporateSignup() },
        ],
      },
    });
    expect(res.body.results[0].result).toMatchObject({
      status: 'existing_customer',
      score: null,
      tier: null,
      decision: null,
      reasons: [],
      followUp: null,
      signals: {},
    });
    expect(res.body.summary).toMatchObject({ existingCustomers: 1, scored: 1 });
  });

  it('refuses more than 1,000 records and an empty batch', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ email: `p${i}@contoso-labs.com` }));
    expect((await http.post('/v1/score/batch', { body: { prospects: many } })).status).toBe(400);
    expect(problemOf(await http.post('/v1/score/batch', { body: { prospects: [] } })).code).toBe(
      'validation_failed',
    );
  });

  it('answers another content type with 415', async () => {
    const res = await http.post('/v1/score/batch', {
      raw: 'email',
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(415);
  });
});

describe('POST /v1/score/batch with application/x-ndjson', () => {
  const http = api(buildTestApp({ customerLines: CUSTOMERS }).app);
  const ndjson = (lines: string[]) =>
    http.post('/v1/score/batch', {
      raw: lines.join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
    });
  const linesOf = (text: string) =>
    text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));

  it('streams a result per line, answers a malformed line with an error line, and goes on', async () => {
    const res = await ndjson([
      JSON.stringify({ ref: 'r1', ...aCorporateSignup() }),
      '{"ref": "r2", "email": ',
      '',
      JSON.stringify({ ref: 'r4', email: 'olivia.chen@fabrikam-industries.com' }),
      JSON.stringify({ ref: 'r5', phone: '12' }),
      '[1, 2]',
    ]);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = linesOf(res.text);
    const summary = lines.pop();
    const byLine = new Map(lines.map((item) => [item.line, item]));
    expect([...byLine.keys()].sort()).toEqual([1, 2, 4, 5, 6]);
    expect(byLine.get(1)).toMatchObject({ ref: 'r1', result: { status: 'scored' } });
    expect(byLine.get(2)).toMatchObject({ error: { code: 'malformed_json', status: 400 } });
    expect(byLine.get(4)).toMatchObject({
      ref: 'r4',
      result: { status: 'existing_customer', score: null },
    });
    expect(byLine.get(5)).toMatchObject({ ref: 'r5', error: { code: 'validation_failed' } });
    expect(byLine.get(6)).toMatchObject({ error: { code: 'validation_failed' } });
    expect(summary).toEqual({
      summary: expect.objectContaining({ total: 5, scored: 1, existingCustomers: 1, errors: 3 }),
    });
  });

  it('answers an over-long line with an error line and keeps reading', async () => {
    const res = await ndjson([
      JSON.stringify({ ref: 'big', email: 'a@contoso-labs.com', firstName: 'x'.repeat(200_000) }),
      JSON.stringify({ ref: 'ok', email: 'b@contoso-labs.com' }),
    ]);
    const lines = linesOf(res.text);
    expect(lines.find((l) => l.line === 1)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(lines.find((l) => l.line === 2)).toMatchObject({
      ref: 'ok',
      result: { status: 'scored' },
    });
  });

  it('streams thousands of records (more than the in-flight window) with every one answered once', async () => {
    const records = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ ref: `r${i}`, email: `p${i}@contoso-labs.com` }),
    );
    const res = await ndjson(records);
    const lines = linesOf(res.text);
    const summary = lines.pop();
    expect(summary.summary.total).toBe(3000);
    expect(new Set(lines.map((l) => l.ref)).size).toBe(3000);
  });
});
