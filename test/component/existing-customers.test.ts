import { createHash, createHmac } from 'node:crypto';
import { api } from '../helpers/api';
import { buildTestApp } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';

const sha256 = (value: string) => `sha256:${createHash('sha256').update(value).digest('hex')}`;
const HASH_KEY = 'test-hash-key-0123456789';
const hmac = (value: string) =>
  `hmac-sha256:${createHmac('sha256', HASH_KEY).update(value).digest('hex')}`;

const CUSTOMER_LINES = [
  '# exported from the CRM',
  'Olivia.Chen@Fabrikam-Industries.com',
  'janedoe@gmail.com',
  '(415) 555-0100',
  'tailspin-toys.com',
  'gmail.com',
  sha256('hashed.person@woodgrove-bank.com'),
  sha256('+14155550199'),
  hmac('keyed.person@litware-inc.com'),
  hmac('adventure-works.com'),
];

describe('existing customers are never scored', () => {
  const fixture = buildTestApp({ customerLines: CUSTOMER_LINES, hashKey: HASH_KEY });
  const http = api(fixture.app);
  const score = (overrides: object) =>
    http.post('/v1/score', { body: { ...aCorporateSignup(), phone: undefined, ...overrides } });

  const expectExistingCustomer = (body: Record<string, unknown>, by: string) => {
    expect(body).toMatchObject({
      status: 'existing_customer',
      score: null,
      tier: null,
      decision: null,
      reasons: [],
      followUp: null,
      signals: {},
      customerMatch: { by },
    });
    expect(typeof body.decisionId).toBe('string');
  };

  it.each([
    ['the exact address', 'olivia.chen@fabrikam-industries.com'],
    ['different case and spaces', '  OLIVIA.CHEN@fabrikam-industries.COM '],
  ])('matches an email customer by %s', async (_case, email) => {
    const res = await score({ email, company: undefined });
    expectExistingCustomer(res.body, 'email');
  });

  it.each([
    ['dots moved', 'jane.doe@gmail.com'],
    ['a +tag', 'janedoe+newsletter@gmail.com'],
    ['googlemail with dots, case and a tag', 'Jane.Doe+x@GoogleMail.com'],
  ])('matches a gmail customer with %s', async (_case, email) => {
    const res = await score({ email, company: undefined });
    expectExistingCustomer(res.body, 'email');
  });

  it('does not treat other gmail users as customers, though gmail.com and a gmail customer are in the file', async () => {
    const res = await score({ email: 'someone.else@gmail.com', company: undefined });
    expect(res.body.status).toBe('scored');
    expect(res.body.customerMatch).toBeUndefined();
  });

  it.each(['(415) 555-0100', '+1 415 555 0100', '4155550100', '415.555.0100'])(
    'matches a phone customer written as %s',
    async (phone) => {
      const res = await http.post('/v1/score', { body: { phone, source: 'inbound_call' } });
      expectExistingCustomer(res.body, 'phone');
    },
  );

  it('matches a company domain customer by work email or by declared company domain', async () => {
    const byEmail = await score({ email: 'new.hire@tailspin-toys.com', company: undefined });
    expectExistingCustomer(byEmail.body, 'domain');
    const byCompany = await score({
      email: 'buyer@northwind-analytics.com',
      company: { name: 'Tailspin', domain: 'https://www.Tailspin-Toys.com/about' },
    });
    expectExistingCustomer(byCompany.body, 'domain');
  });

  it('matches sha256 lines for an email and a phone', async () => {
    expectExistingCustomer(
      (await score({ email: 'Hashed.Person@woodgrove-bank.com' })).body,
      'email',
    );
    const phone = await http.post('/v1/score', { body: { phone: '(415) 555-0199' } });
    expectExistingCustomer(phone.body, 'phone');
  });

  it('matches hmac-sha256 lines keyed by CUSTOMER_HASH_KEY for an email and a domain', async () => {
    expectExistingCustomer((await score({ email: 'keyed.person@litware-inc.com' })).body, 'email');
    expectExistingCustomer((await score({ email: 'cfo@adventure-works.com' })).body, 'domain');
  });

  it('runs no rule and computes no signal for an existing customer', async () => {
    const before = fixture.evaluations();
    const res = await score({ email: 'olivia.chen@fabrikam-industries.com' });
    expect(res.body.status).toBe('existing_customer');
    expect(fixture.evaluations()).toBe(before);

    await score({ email: 'prospect@northwind-analytics.com' });
    expect(fixture.evaluations()).toBe(before + 1);
  });
});
