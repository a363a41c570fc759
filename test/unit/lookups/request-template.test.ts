import {
  fillRequestTemplate,
  type RequestTemplate,
} from '../../../src/domain/lookups/request-template';

const template: RequestTemplate = {
  baseUrl: 'https://partner.example.net/api/v2',
  path: '/companies/{companyDomain}/people/{email}',
  query: { country: '{country}', format: 'json' },
};
const fill = (companyDomain: string, email = 'ana@contoso-labs.com', country = 'US') =>
  fillRequestTemplate(template, { companyDomain, email, country });

describe('filling a source request template', () => {
  it('puts normalised values into the path and query, percent-encoded', () => {
    const filled = fill('contoso-labs.com', 'ana+x@contoso-labs.com');
    expect(filled.ok && filled.url.href).toBe(
      'https://partner.example.net/api/v2/companies/contoso-labs.com/people/ana%2Bx%40contoso-labs.com?country=US&format=json',
    );
  });

  it.each([
    ['../', '../admin'],
    ['../../ at the root', '../../../../etc/passwd'],
    ['@evil', '@evil.com'],
    ['user@host', 'x@evil.com:80'],
    ['?x=', 'acme.com?x=1&admin=true'],
    ['#fragment', 'acme.com#top'],
    ['an absolute URL', 'http://evil.com/'],
    ['a slash', 'a/b'],
    ['a backslash', 'a\\..\\b'],
    ['encoded dots', '%2e%2e'],
    ['encoded slash', '%2F..%2F'],
  ])('keeps %s inside one path segment of the configured host', (_name, hostile) => {
    const filled = fill(hostile);
    if (!filled.ok) return; // refusing the value is also safe
    expect(filled.url.origin).toBe('https://partner.example.net');
    expect(filled.url.pathname.startsWith('/api/v2/companies/')).toBe(true);
    expect(filled.url.pathname.split('/')).toHaveLength(7);
    expect(filled.url.hash).toBe('');
    expect([...filled.url.searchParams.keys()]).toEqual(['country', 'format']);
  });

  it.each([
    ['a dot segment', '..'],
    ['a single dot', '.'],
    ['CRLF', 'acme.com\r\nHost: evil.com'],
    ['a NUL byte', 'acme\u0000.com'],
    ['a very long string', 'a'.repeat(5000)],
    ['an empty string', ''],
  ])('refuses %s as unsafe', (_name, hostile) => {
    expect(fill(hostile)).toEqual({ ok: false, reason: 'unsafe', inputs: expect.any(Array) });
  });

  it('a query value cannot add parameters', () => {
    const filled = fill('acme.com', 'a@b.com', 'US&admin=1');
    expect(filled.ok && filled.url.searchParams.get('country')).toBe('US&admin=1');
    expect(filled.ok && filled.url.searchParams.has('admin')).toBe(false);
  });

  it('needs every path input, but leaves out query parameters whose input is missing', () => {
    expect(fillRequestTemplate(template, { email: 'a@b.com' })).toEqual({
      ok: false,
      reason: 'missing',
      inputs: ['companyDomain'],
    });
    const noCountry = fillRequestTemplate(template, {
      companyDomain: 'acme.com',
      email: 'a@b.com',
    });
    expect(noCountry.ok && noCountry.url.search).toBe('?format=json');
  });
});
