import { cacheEntryBytes } from '../../../src/adapters/http-source/cache-entry-bytes';

const fetchedAt = new Date(0);

describe('the memory estimate of a lookup cache entry', () => {
  it('grows with the key and with each field value', () => {
    const key = 'http://127.0.0.1:4010/crm/customers?email=p1%40mem-0.com&domain=mem-0.com';
    const empty = cacheEntryBytes(key, { fields: {}, notFound: true, fetchedAt });
    const crm = cacheEntryBytes(key, {
      fields: { isCustomer: false, matchedBy: null },
      notFound: false,
      fetchedAt,
    });
    const named = cacheEntryBytes(key, {
      fields: { isCustomer: false, matchedBy: 'email', name: 'Northwind Analytics' },
      notFound: false,
      fetchedAt,
    });

    expect(empty).toBeGreaterThan(key.length);
    expect(crm).toBeGreaterThan(empty);
    expect(named - crm).toBeGreaterThanOrEqual('email'.length + 'Northwind Analytics'.length);
  });

  it('counts a nested value (an address) by its size', () => {
    const small = cacheEntryBytes('k', { fields: { address: {} }, notFound: false, fetchedAt });
    const large = cacheEntryBytes('k', {
      fields: { address: { line1: '1 Long Street Name', city: 'Springfield', country: 'US' } },
      notFound: false,
      fetchedAt,
    });
    expect(large - small).toBeGreaterThan(40);
  });

  it('is near what the heap snapshot measured for a CRM answer (about 390 bytes)', () => {
    const key =
      'http://127.0.0.1:4010/crm/customers?email=p12345%40mem-2057.com&domain=mem-2057.com';
    const bytes = cacheEntryBytes(key, {
      fields: { isCustomer: false, matchedBy: null },
      notFound: false,
      fetchedAt,
    });
    expect(bytes).toBeGreaterThanOrEqual(340);
    expect(bytes).toBeLessThanOrEqual(440);
  });
});
