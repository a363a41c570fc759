import {
  CRM_CUSTOMERS,
  KNOWN_COMPANIES,
  KNOWN_CREDIT_REPORTS,
  KNOWN_PHONES,
} from '../../src/sandbox/sandbox-data';
import { useSandbox } from '../helpers/sandbox-fixture';

const fixture = useSandbox();
const { get } = fixture;

const phonePath = (phone: string) => `/identity/phones/${encodeURIComponent(phone)}`;

describe('the sandbox lookup sources', () => {
  it('listens on loopback at the port it reports', () => {
    expect(fixture.sandbox.url).toBe(`http://127.0.0.1:${fixture.sandbox.port}`);
    expect(fixture.sandbox.port).toBeGreaterThan(0);
  });

  it('partner: documented companies answer as documented', async () => {
    expect(await get('/partner/companies/northwind-analytics.com')).toEqual({
      status: 200,
      body: {
        company: {
          domain: 'northwind-analytics.com',
          name: 'Northwind Analytics',
          employees: 240,
          industry: 'software',
          country: 'US',
          founded: 2012,
        },
      },
    });
    for (const [domain, company] of KNOWN_COMPANIES) {
      expect(await get(`/partner/companies/${domain}`)).toEqual({ status: 200, body: { company } });
    }
  });

  it('partner: any other domain gets a stable, plausible answer', async () => {
    const first = await get('/partner/companies/acme-widgets.com');
    expect(first).toEqual({
      status: 200,
      body: {
        company: {
          domain: 'acme-widgets.com',
          name: 'Acme Widgets',
          employees: expect.any(Number),
          industry: expect.stringMatching(/^[a-z_]+$/),
          country: expect.stringMatching(/^[A-Z]{2}$/),
          founded: expect.any(Number),
        },
      },
    });
    expect(await get('/partner/companies/ACME-widgets.com')).toEqual(first);
  });

  it('partner: unknown- domains are not found', async () => {
    expect(await get('/partner/companies/unknown-startup.com')).toEqual({
      status: 404,
      body: { error: 'not_found' },
    });
  });

  it('credit: documented reports, derived reports, no file and a missing email', async () => {
    expect(await get('/credit/reports?email=risky.buyer@contoso-labs.com')).toEqual({
      status: 200,
      body: { report: { score: 480, bankruptcies: 1, delinquencies: 3 } },
    });
    for (const [email, report] of KNOWN_CREDIT_REPORTS) {
      const query = new URLSearchParams({ email });
      expect(await get(`/credit/reports?${query}`)).toEqual({ status: 200, body: { report } });
    }
    const derived = await get('/credit/reports?email=someone@acme-widgets.com');
    expect(derived.status).toBe(200);
    const { report } = derived.body as { report: { score: number } };
    expect(report.score).toBeGreaterThanOrEqual(300);
    expect(report.score).toBeLessThanOrEqual(850);
    expect(await get('/credit/reports?email=someone@acme-widgets.com')).toEqual(derived);
    expect((await get('/credit/reports?email=nofile@contoso-labs.com')).status).toBe(404);
    expect((await get('/credit/reports')).status).toBe(400);
    expect((await get('/credit/reports?email=not-an-email')).status).toBe(400);
  });

  it('identity: documented numbers answer as documented, URL-encoded', async () => {
    expect(await get(phonePath('+16502530000'))).toEqual({
      status: 200,
      body: {
        person: {
          firstName: 'María',
          lastName: 'López',
          email: 'maria.lopez@northwind-analytics.com',
        },
        company: { name: 'Northwind Analytics', domain: 'northwind-analytics.com' },
        address: {
          line1: '1 Market St',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94105',
          country: 'US',
        },
        lineType: 'fixed_line',
      },
    });
    for (const [phone, identity] of KNOWN_PHONES) {
      expect(await get(phonePath(phone))).toEqual({ status: 200, body: identity });
    }
    expect((await get(phonePath('+15555550199'))).status).toBe(404);
    expect((await get(phonePath('not-a-phone'))).status).toBe(400);
  });

  it('crm: matches by email, then phone, then domain, ignoring case', async () => {
    const match = async (query: Record<string, string>) =>
      (await get(`/crm/customers?${new URLSearchParams(query)}`)).body;
    expect(
      await match({ email: 'Olivia.Chen@Fabrikam-Industries.com', phone: '+14155550100' }),
    ).toEqual({ isCustomer: true, matchedBy: 'email' });
    expect(await match({ email: 'new@fabrikam-industries.com', phone: '+14155550100' })).toEqual({
      isCustomer: true,
      matchedBy: 'phone',
    });
    expect(await match({ domain: 'TAILSPIN-toys.com' })).toEqual({
      isCustomer: true,
      matchedBy: 'domain',
    });
    expect(await match({ email: CRM_CUSTOMERS.emails[1] })).toEqual({
      isCustomer: true,
      matchedBy: 'email',
    });
    expect(await match({ email: 'maria.lopez@northwind-analytics.com' })).toEqual({
      isCustomer: false,
      matchedBy: null,
    });
    expect(await get('/crm/customers')).toEqual({ status: 400, body: expect.any(Object) });
  });

  it('answers unknown paths with a JSON 404', async () => {
    expect(await get('/nowhere')).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(await get('/partner/people/1')).toEqual({ status: 404, body: { error: 'not_found' } });
  });
});
