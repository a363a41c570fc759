import { timingSafeEqual } from 'node:crypto';
import { ApiKeyRegistry } from '../../../src/auth/api-key-registry';
import { KEYS, TEST_PEPPER, testKeysFile } from '../../helpers/api-keys';

/** The registry with its constant-time comparison counted. */
function countingRegistry() {
  const comparisons: Array<[number, number]> = [];
  const registry = new ApiKeyRegistry({
    pepper: TEST_PEPPER,
    file: testKeysFile(),
    safeEqual: (a, b) => {
      comparisons.push([a.length, b.length]);
      return timingSafeEqual(a, b);
    },
  });
  return { registry, comparisons };
}

describe('the key registry', () => {
  it('finds the client of a good key, with its kind, scopes and origins', () => {
    const { registry } = countingRegistry();
    const client = registry.authenticate(KEYS.form);
    expect(client?.name).toBe('signup-form');
    expect(client?.kind).toBe('publishable');
    expect([...(client?.scopes ?? [])]).toEqual(['score']);
    expect(registry.authenticate(KEYS.opsAndCrm)?.kind).toBe('secret');
  });

  it.each([
    ['a good key', KEYS.crm, true],
    ['an unknown id', 'sk_unknown1_Crm00001SecretSecretSecret1', false],
    ['a known id with a wrong secret', 'sk_crm00001_NotTheSecretNotTheSecret1', false],
    ['a malformed key', 'hello', false],
    ['an empty key', '', false],
  ])(
    'does one HMAC and one constant-time comparison of 32-byte digests for %s',
    (_what, key, valid) => {
      const { registry, comparisons } = countingRegistry();
      expect(registry.authenticate(key) !== undefined).toBe(valid);
      expect(comparisons).toEqual([[32, 32]]);
    },
  );

  it('lists every publishable origin for preflights, and no secret client’s', () => {
    const { registry } = countingRegistry();
    expect([...registry.publishableOrigins].sort()).toEqual([
      'https://signup.fabrikam.example',
      'https://www.northwind.example',
    ]);
  });
});
