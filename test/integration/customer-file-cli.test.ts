import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCustomerFileMatcher } from '../../src/adapters/customer-file';
import { CustomerIndex, hashIdentifier } from '../../src/domain/customers/customer-index';
import type { Logger } from '../../src/domain/ports';

const ROOT = resolve(__dirname, '../..');
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hash-customers-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hash-customers CLI', () => {
  const plain = [
    '# export',
    'Jane.Doe+x@googlemail.com',
    '(415) 555-0100',
    'https://www.acme.com',
    'gmail.com',
  ];
  const normalized = ['janedoe@gmail.com', '+14155550100', 'acme.com'];

  function runCli(args: string[], env: NodeJS.ProcessEnv) {
    return spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'src/cli/hash-customers.ts', ...args],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 15000,
      },
    );
  }

  it('hashes an export into a file the index matches with the same key', async () => {
    const input = join(dir, 'export.txt');
    writeFileSync(input, plain.join('\n') + '\n');
    const run = runCli([input], { ...process.env, CUSTOMER_HASH_KEY: 'k' });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toEqual(normalized.map((value) => hashIdentifier('hmac-sha256', value, 'k')));
    expect(run.stderr).toMatch(/line 5 skipped/);
    expect(run.stderr).not.toMatch(/gmail\.com|janedoe/i);

    const { index, problems } = CustomerIndex.fromLines(lines, {
      hashKey: 'k',
      defaultPhoneRegion: 'US',
    });
    expect(problems).toEqual([]);
    expect(index.match({ email: 'jane.doe@gmail.com' }, 'US')).toEqual({ by: 'email' });
    expect(index.match({ phone: '415.555.0100' }, 'US')).toEqual({ by: 'phone' });
    expect(index.match({ email: 'bob@acme.com' }, 'US')).toEqual({ by: 'domain' });

    // And through the file adapter, as the service would load it.
    const file = join(dir, 'customers.txt');
    writeFileSync(file, run.stdout);
    const matcher = loadCustomerFileMatcher({
      path: file,
      hashKey: 'k',
      defaultPhoneRegion: 'US',
      logger: silent,
      watch: false,
    });
    await expect(matcher.match({ email: 'JaneDoe@gmail.com' })).resolves.toEqual({ by: 'email' });
  });

  it('writes sha256 with a warning without a key, and honours -o and --default-region', () => {
    const input = join(dir, 'export.txt');
    const output = join(dir, 'out.txt');
    writeFileSync(input, '020 7946 0958\n');
    const env = { ...process.env };
    delete env['CUSTOMER_HASH_KEY'];
    const run = runCli(['--default-region', 'GB', '-o', output, input], env);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/dictionary/);
    const lines = readFileSync(output, 'utf8').split('\n');
    expect(lines).toEqual([hashIdentifier('sha256', '+442079460958'), '']);
    const { index } = CustomerIndex.fromLines(lines, { defaultPhoneRegion: 'GB' });
    expect(index.match({ phone: '+44 20 7946 0958' }, 'US')).toEqual({ by: 'phone' });
  });

  it('exits 1 on an unreadable input and 2 on bad usage', () => {
    const missing = runCli([join(dir, 'missing.txt')], process.env);
    expect(missing.status).toBe(1);
    const bad = runCli(['--nope'], process.env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage:/);
  });
});
