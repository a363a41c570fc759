import { parseApiKeysFile } from '../../../src/auth/api-keys-file';
import { testKeysFile } from '../../helpers/api-keys';

const DIGEST = 'a'.repeat(64);
const key = (id: string) => ({ id, digest: DIGEST });
const parse = (file: unknown) =>
  parseApiKeysFile(JSON.stringify(file), 'API_KEYS_FILE (keys.json)');
const problemsOf = (file: unknown) => {
  const result = parse(file);
  return result.ok ? [] : result.problems;
};

describe('the keys file', () => {
  it('accepts the test keys file', () => {
    expect(parse(testKeysFile()).ok).toBe(true);
  });

  it('names the variable, the file and the JSON path of each problem', () => {
    expect(
      problemsOf({
        clients: [
          { name: 'crm', scopes: ['enrich'], keys: [key('aaaa1'), key('aaaa2'), key('aaaa3')] },
          { name: 'form', scopes: ['score'], keys: [key('bbbb1')] },
          {
            name: 'odd',
            scopes: ['score', 'admin'],
            origins: ['https://x.example/path'],
            keys: [key('aaaa1')],
          },
        ],
      }),
    ).toEqual([
      expect.stringMatching(
        /^API_KEYS_FILE \(keys\.json\): clients\[0\]\.keys: at most 2 active keys/,
      ),
      'API_KEYS_FILE (keys.json): clients[1].origins: a publishable (score) client needs its allowed browser origins',
      expect.stringMatching(
        /^API_KEYS_FILE \(keys\.json\): clients\[2\]\.origins\[0\]: an origin such as/,
      ),
      'API_KEYS_FILE (keys.json): clients[2].scopes: score (publishable) cannot be combined with enrich or admin',
    ]);
  });

  it('refuses a key id used twice, wherever it is', () => {
    expect(
      problemsOf({
        clients: [
          { name: 'a', scopes: ['enrich'], keys: [key('same1')] },
          { name: 'b', scopes: ['admin'], keys: [key('other1'), key('same1')] },
        ],
      }),
    ).toEqual(['API_KEYS_FILE (keys.json): clients[1].keys[1].id: duplicate key id "same1"']);
  });

  it('refuses digests that are not HMAC-SHA256 hex, and unknown fields', () => {
    expect(
      problemsOf({
        clients: [
          { name: 'a', scopes: ['enrich'], keys: [{ id: 'abcd1', digest: 'secret' }], x: 1 },
        ],
      }),
    ).toEqual([
      expect.stringContaining('clients[0].keys[0].digest: HMAC-SHA256 of the secret'),
      expect.stringContaining('clients[0]: Unrecognized key: "x"'),
    ]);
  });

  it('says where invalid JSON is', () => {
    const result = parseApiKeysFile('{"clients": [', 'API_KEYS');
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^API_KEYS: invalid JSON/)],
    });
  });
});
