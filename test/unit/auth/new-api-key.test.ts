import { ApiKeyRegistry } from '../../../src/auth/api-key-registry';
import { parseApiKeysFile } from '../../../src/auth/api-keys-file';
import { newApiKey } from '../../../src/auth/new-api-key';
import { TEST_PEPPER } from '../../helpers/api-keys';

describe('a new API key (npm run keys:new)', () => {
  it('is a publishable pk_ key for score, admitted by the entry printed with it', () => {
    const { key, entry } = newApiKey({
      client: 'signup-form',
      scopes: ['score'],
      origins: ['https://www.example.com'],
      pepper: TEST_PEPPER,
    });
    expect(key).toMatch(/^pk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(entry)).not.toContain(key.split('_').slice(2).join('_'));

    const parsed = parseApiKeysFile(JSON.stringify({ clients: [entry] }), 'test');
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const registry = new ApiKeyRegistry({ pepper: TEST_PEPPER, file: parsed.file });
    expect(registry.authenticate(key)?.name).toBe('signup-form');
    expect(
      registry.authenticate(key.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))),
    ).toBeUndefined();
  });

  it('is a secret sk_ key for enrich and admin, with no origins', () => {
    const { key, entry } = newApiKey({
      client: 'crm',
      scopes: ['enrich', 'admin'],
      origins: [],
      pepper: TEST_PEPPER,
    });
    expect(key).toMatch(/^sk_/);
    expect(entry).not.toHaveProperty('origins');
    expect(parseApiKeysFile(JSON.stringify({ clients: [entry] }), 'test').ok).toBe(true);
  });
});
