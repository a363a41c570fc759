import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  loadCustomerFileMatcher,
  noCustomers,
  type CustomerFileMatcher,
} from '../../src/adapters/customer-file';
import type { Logger } from '../../src/domain/ports';

const ROOT = resolve(__dirname, '../..');

interface LogCall {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

function recordingLogger(): Logger & { calls: LogCall[] } {
  const calls: LogCall[] = [];
  const at = (level: LogCall['level']) => (obj: object, msg?: string) => {
    calls.push({ level, obj, msg });
  };
  return { calls, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Polls instead of sleeping a fixed time: file-watch latency varies widely between machines. */
async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

let dir: string;
let file: string;
let logger: ReturnType<typeof recordingLogger>;
const opened: CustomerFileMatcher[] = [];

function open(overrides: { watch?: boolean; hashKey?: string } = {}): CustomerFileMatcher {
  const matcher = loadCustomerFileMatcher({
    path: file,
    defaultPhoneRegion: 'US',
    logger,
    debounceMs: 20,
    ...overrides,
  });
  opened.push(matcher);
  return matcher;
}

const isCustomer = async (matcher: CustomerFileMatcher, email: string) =>
  (await matcher.match({ email })) !== null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'customer-file-'));
  file = join(dir, 'customers.txt');
  logger = recordingLogger();
});

afterEach(() => {
  for (const matcher of opened.splice(0)) matcher.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadCustomerFileMatcher', () => {
  it('loads the file and matches', async () => {
    writeFileSync(file, '\uFEFF# customers\r\njane@acme.com\r\n(415) 555-0100\r\nglobex.com\r\n');
    const matcher = open();
    await expect(matcher.match({ email: 'JANE@acme.com' })).resolves.toEqual({ by: 'email' });
    await expect(matcher.match({ phone: '415.555.0100' })).resolves.toEqual({ by: 'phone' });
    await expect(matcher.match({ email: 'hank@globex.com' })).resolves.toEqual({ by: 'domain' });
    await expect(matcher.match({ email: 'bob@acme.com' })).resolves.toBeNull();
    expect(matcher.stats()).toEqual({ entries: 3, problems: 0, loadedAt: expect.any(Date) });
  });

  it('throws naming the path when the file is missing', () => {
    expect(() => open()).toThrow(file);
  });

  it('logs problem lines by number, never their content', () => {
    writeFileSync(file, 'jane@acme.com\ngmail.com\nsecret-person@\n');
    const matcher = open();
    expect(matcher.stats()).toMatchObject({ entries: 1, problems: 2 });
    const warnings = logger.calls.filter((call) => call.level === 'warn');
    expect(warnings.map((call) => call.obj)).toEqual([
      { path: file, line: 2 },
      { path: file, line: 3 },
    ]);
    expect(JSON.stringify(logger.calls)).not.toMatch(/secret-person|jane@acme/);
  });

  it('reloads after an in-place rewrite', async () => {
    writeFileSync(file, 'jane@acme.com\n');
    const matcher = open();
    const before = matcher.stats().loadedAt;
    writeFileSync(file, 'bob@acme.com\n');
    await eventually(async () => await isCustomer(matcher, 'bob@acme.com'));
    expect(await isCustomer(matcher, 'jane@acme.com')).toBe(false);
    expect(matcher.stats().loadedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it('reloads after write-temp-then-rename', async () => {
    writeFileSync(file, 'jane@acme.com\n');
    const matcher = open();
    const temp = join(dir, '.customers.txt.tmp');
    writeFileSync(temp, 'bob@acme.com\n');
    renameSync(temp, file);
    await eventually(async () => await isCustomer(matcher, 'bob@acme.com'));
    expect(await isCustomer(matcher, 'jane@acme.com')).toBe(false);

    writeFileSync(temp, 'carol@acme.com\n');
    renameSync(temp, file);
    await eventually(async () => await isCustomer(matcher, 'carol@acme.com'));
  });

  it('keeps the last good list when the file is removed or unreadable', async () => {
    writeFileSync(file, 'jane@acme.com\n');
    const matcher = open();
    rmSync(file);
    await eventually(() => logger.calls.some((call) => call.level === 'error'));
    expect(await isCustomer(matcher, 'jane@acme.com')).toBe(true);

    // A directory in the file's place cannot be read even by root, unlike a chmod 000 file.
    logger.calls.length = 0;
    mkdirSync(file);
    await eventually(() => logger.calls.some((call) => call.level === 'error'));
    expect(await isCustomer(matcher, 'jane@acme.com')).toBe(true);
    expect(matcher.stats().entries).toBe(1);
  });

  it('keeps the last good list when a rewrite is caught half-way, empty', async () => {
    writeFileSync(file, 'jane@acme.com\n');
    const matcher = open();
    writeFileSync(file, '');
    await eventually(() => logger.calls.some((call) => call.level === 'warn'));
    expect(await isCustomer(matcher, 'jane@acme.com')).toBe(true);
    // A comment-only file is a deliberate "no customers".
    writeFileSync(file, '# none\n');
    await eventually(async () => !(await isCustomer(matcher, 'jane@acme.com')));
  });

  it('stops watching after close()', async () => {
    writeFileSync(file, 'jane@acme.com\n');
    const matcher = open();
    matcher.close();
    writeFileSync(file, 'bob@acme.com\n');
    await sleep(500);
    expect(await isCustomer(matcher, 'bob@acme.com')).toBe(false);
    expect(await isCustomer(matcher, 'jane@acme.com')).toBe(true);
  });

  it('does not watch with watch: false', async () => {
    writeFileSync(file, 'jane@acme.com\n');
    const matcher = open({ watch: false });
    writeFileSync(file, 'bob@acme.com\n');
    await sleep(500);
    expect(await isCustomer(matcher, 'bob@acme.com')).toBe(false);
  });

  it('does not keep the process alive', () => {
    writeFileSync(file, 'jane@acme.com\n');
    const script = join(dir, 'load.ts');
    const adapter = join(ROOT, 'src/adapters/customer-file');
    const silent = '{ info() {}, warn() {}, error() {} }';
    writeFileSync(
      script,
      `import { loadCustomerFileMatcher } from ${JSON.stringify(adapter)};\n` +
        `loadCustomerFileMatcher({ path: ${JSON.stringify(file)}, defaultPhoneRegion: 'US', logger: ${silent} });\n`,
    );
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), script], {
      cwd: ROOT,
      timeout: 15000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
  });
});

describe('noCustomers', () => {
  it('matches nobody', async () => {
    await expect(noCustomers.match({ email: 'jane@acme.com' })).resolves.toBeNull();
  });
});
