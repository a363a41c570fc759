import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_PEPPER, testKeysFile } from '../helpers/api-keys';
import { runServerToExit } from '../helpers/run-server';

describe('the service’s start-up with and without API keys', () => {
  it('refuses to run open in production, naming the variable to set', () => {
    const result = runServerToExit({ NODE_ENV: 'production' });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('API_KEYS_FILE: required when NODE_ENV=production');
  });

  it('refuses keys without a pepper to check them with', () => {
    const result = runServerToExit({ API_KEYS: JSON.stringify(testKeysFile()) });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('API_KEY_PEPPER: required when API keys are configured');
  });

  it('names the file and the JSON path of a bad keys file', () => {
    const file = testKeysFile();
    const first = file.clients[0];
    if (first === undefined) throw new Error('no client in the test keys file');
    first.keys.push({ id: 'third001', digest: 'b'.repeat(64) });
    const path = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.json');
    writeFileSync(path, JSON.stringify(file));

    const result = runServerToExit({ API_KEYS_FILE: path, API_KEY_PEPPER: TEST_PEPPER });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `API_KEYS_FILE (${path}): clients[0].keys: at most 2 active keys`,
    );
  });
});
