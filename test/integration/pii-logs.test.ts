import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, requestLineLogger } from '../../src/adapters/create-logger';
import { loadCustomerFileMatcher } from '../../src/adapters/customer-file';
import type { CustomerMatcher } from '../../src/domain/ports';
import { aCorporateSignup } from '../helpers/prospects';
import { startSandboxedApp, type SandboxedApp } from '../helpers/sandboxed-app';

const ZEB = aCorporateSignup({
  email: 'zebulon.quackenbush@northwind-analytics.com',
  firstName: 'Zebulon',
  lastName: 'Quackenbush',
  phone: '+1 (650) 555-0199',
  consent: { creditCheck: true },
  attributes: { seats: 80, note: 'loves-kayaking-7731', lastIp: '198.51.100.23' },
});
/** Makes the customer check throw an error whose message quotes the email (a bug elsewhere). */
const EXPLODING = aCorporateSignup({
  email: 'xanthe.explode@northwind-analytics.com',
  firstName: 'Xanthe',
  lastName: 'Explode',
});
const CALLER_PHONE = '+16502530000';

/** Every piece of personal data the requests carry or the sources answer, in several spellings. */
const PII = [
  'zebulon',
  'quackenbush',
  'zebulon.quackenbush%40',
  '650) 555-0199',
  '6505550199',
  '650-555-0199',
  '+16505550199',
  '%2B16505550199',
  'loves-kayaking-7731',
  '198.51.100.23',
  '203.0.113.77',
  'sekrit-token-1234',
  'cookie-secret-99',
  'xanthe',
  'explode@',
  '6502530000',
  '650 253 0000',
  'maría',
  'lópez',
  'maria.lopez',
  '1 Market St',
  'San Francisco',
  'customer-line-pii-q7',
  'bad-json-pii@example.com',
];

describe('logs carry no personal data, whatever the route and whichever path errors take', () => {
  let env: SandboxedApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const logger = createLogger({
      level: 'trace',
      destination: { write: (line: string) => void lines.push(line) },
    });
    const dir = mkdtempSync(join(tmpdir(), 'customers-'));
    const customersPath = join(dir, 'customers.txt');
    writeFileSync(customersPath, 'olivia.chen@fabrikam-industries.com\ncustomer-line-pii-q7@@\n');
    const fromFile = loadCustomerFileMatcher({
      path: customersPath,
      defaultPhoneRegion: 'US',
      logger,
      watch: false,
    });
    const customers: CustomerMatcher = {
      match: async (prospect) => {
        if (prospect.lastName === 'Explode') throw new Error(`no match for ${prospect.email}`);
        return fromFile.match(prospect);
      },
    };
    // Request lines go where server.ts sends them: the same stream, without redaction.
    env = await startSandboxedApp({ logger, requestLog: requestLineLogger(logger), customers });
  });
  afterAll(() => env.close());

  it('no line holds any test prospect PII, while every request is logged with its id and route', async () => {
    const leaky = {
      'x-forwarded-for': '203.0.113.77',
      authorization: 'Bearer sekrit-token-1234',
      cookie: 'session=cookie-secret-99',
      'x-request-id': 'pii-test-1',
    };
    const { http, sandbox } = env;
    const query = `?email=${encodeURIComponent(ZEB.email as string)}&phone=%2B16505550199`;
    await http.post(`/v1/score${query}`, { body: ZEB, headers: leaky });
    await http.post('/v1/identify', { body: { phone: CALLER_PHONE }, headers: leaky });
    await http.post('/v1/score/batch', { body: { prospects: [ZEB, EXPLODING] }, headers: leaky });
    await http.post('/v1/score/batch', {
      raw: `${JSON.stringify(ZEB)}\n{"email": "bad-json-pii@example.com",\n${JSON.stringify(EXPLODING)}\n`,
      headers: { ...leaky, 'content-type': 'application/x-ndjson' },
    });
    await http.post('/v1/rules/dry-run', {
      body: { files: {}, prospects: [{ ref: 'r1', prospect: ZEB }] },
      headers: leaky,
    });
    await http.post('/v1/score', {
      body: { ...ZEB, email: 'zebulon.quackenbush' },
      headers: leaky,
    });
    await http.post('/v1/score', {
      raw: '{"email": "bad-json-pii@example.com", "firstName": "Zebulon"',
      headers: { ...leaky, 'content-type': 'application/json' },
    });
    await http.post('/v1/score', { body: EXPLODING, headers: leaky });
    await http.get(`/nowhere${query}`, { headers: leaky });
    sandbox.faults.set('partner', { status: 503 });
    sandbox.faults.set('credit', { reset: true });
    sandbox.faults.set('identity', { malformed: 'invalid-json' });
    await http.post('/v1/score', {
      body: { ...ZEB, company: { domain: 'northwind-analytics.com' } },
      headers: { ...leaky, 'cache-control': 'no-cache' },
    });
    await http.post('/v1/identify', {
      body: { phone: CALLER_PHONE },
      headers: { ...leaky, 'cache-control': 'no-cache' },
    });

    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = parsed.filter(
      (line) => line.msg === 'request' || line.msg === 'request failed',
    );
    expect(requests.length).toBe(11);
    expect(requests[0]).toMatchObject({
      requestId: 'pii-test-1',
      method: 'POST',
      route: '/v1/score',
      status: 200,
    });
    expect(parsed.some((line) => line.msg === 'unhandled error' && line.requestId)).toBe(true);
    expect(parsed.some((line) => line.msg === 'batch record failed')).toBe(true);
    expect(parsed.some((line) => String(line.msg).startsWith('customers file line skipped'))).toBe(
      true,
    );

    const leaks = lines.flatMap((line) =>
      PII.filter((needle) => line.toLowerCase().includes(needle.toLowerCase())).map(
        (needle) => `${needle} in ${line}`,
      ),
    );
    expect(leaks).toEqual([]);
  });
});
