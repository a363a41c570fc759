import { domainsOverlap, normalizeCompanyDomain } from '../../../src/domain/signals/company-domain';

describe('a company domain as people type it', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['ACME.com', 'acme.com'],
    ['  acme.com  ', 'acme.com'],
    ['https://acme.com', 'acme.com'],
    ['http://www.acme.com/', 'acme.com'],
    ['https://www.Acme.com/about?x=1#team', 'acme.com'],
    ['acme.com:8443', 'acme.com'],
    ['https://acme.com:443/path', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['shop.acme.co.uk', 'shop.acme.co.uk'],
    ['wwwacme.com', 'wwwacme.com'],
  ])('%s is read as %s', (raw, expected) => {
    expect(normalizeCompanyDomain(raw)).toBe(expected);
  });

  it.each(['', '   ', 'https://', 'http:///about', '.'])('%p leaves no domain at all', (raw) => {
    expect(normalizeCompanyDomain(raw)).toBeNull();
  });
});

describe('domains that belong to the same organisation', () => {
  it('equal domains and sub-domains in either direction overlap', () => {
    expect(domainsOverlap('acme.com', 'acme.com')).toBe(true);
    expect(domainsOverlap('mail.eu.acme.com', 'acme.com')).toBe(true);
    expect(domainsOverlap('acme.com', 'shop.acme.com')).toBe(true);
  });

  it('domains sharing only a suffix do not overlap', () => {
    expect(domainsOverlap('notacme.com', 'acme.com')).toBe(false);
    expect(domainsOverlap('acme.com.evil.io', 'acme.com')).toBe(false);
  });

  it('an empty domain overlaps nothing', () => {
    expect(domainsOverlap('', 'acme.com')).toBe(false);
    expect(domainsOverlap('acme.com', '')).toBe(false);
  });
});
