import { createHash, createHmac } from 'node:crypto';
import { hashIdentifier } from '../../../src/domain/customers/customer-index';

describe('hashIdentifier', () => {
  it('hashes the UTF-8 of the normalized value with sha256', () => {
    expect(hashIdentifier('sha256', 'jane@acme.com')).toBe(
      `sha256:${createHash('sha256').update('jane@acme.com').digest('hex')}`,
    );
    // Known vector, so the format cannot drift with the implementation.
    expect(hashIdentifier('sha256', 'abc')).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('keys hmac-sha256 with the UTF-8 of the key', () => {
    expect(hashIdentifier('hmac-sha256', '+14155550100', 'clé')).toBe(
      `hmac-sha256:${createHmac('sha256', Buffer.from('clé', 'utf8')).update('+14155550100').digest('hex')}`,
    );
    expect(hashIdentifier('hmac-sha256', 'x', 'k1')).not.toBe(
      hashIdentifier('hmac-sha256', 'x', 'k2'),
    );
  });

  it('refuses hmac without a key', () => {
    expect(() => hashIdentifier('hmac-sha256', 'x')).toThrow(/key/);
    expect(() => hashIdentifier('hmac-sha256', 'x', '')).toThrow(/key/);
  });
});
