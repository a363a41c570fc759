import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cleanEnv, enrichCliArgs, runEnrichCli } from '../helpers/run-enrich-cli';

const ROOT = resolve(__dirname, '../..');
const LEADS = 'test/fixtures/leads.csv';
const CUSTOM_HEADERS = 'test/fixtures/leads-custom-headers.csv';
const ADDED = ['score', 'tier', 'decision', 'reasons', 'status', 'error'];

function enrich(args: readonly string[], env?: Record<string, string>) {
  const run = spawnSync(process.execPath, enrichCliArgs(args), {
    cwd: ROOT,
    env: cleanEnv(env),
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

const table = (csv: Buffer | string): string[][] =>
  parse(csv, { bom: true, relax_column_count: false }) as string[][];

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enrich-cli-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('prospect-scorer enrich, in-process', () => {
  it('adds the results to every row, in input order, keeping the input byte for byte', () => {
    const run = enrich([LEADS]);
    expect(run.status).toBe(0);

    const input = table(readFileSync(join(ROOT, LEADS)));
    const output = table(run.stdout);
    const [inputHeader = []] = input;
    expect(output[0]).toEqual([...inputHeader, ...ADDED]);
    expect(output).toHaveLength(input.length);
    output.slice(1).forEach((row, i) => {
      expect(row.slice(0, inputHeader.length)).toEqual(input[i + 1]);
    });

    const result = (email: string) => {
      const row = output.find((cells) => cells[2] === email);
      if (row === undefined) throw new Error(`no row for ${email}`);
      const [score, tier, decision, reasons, status, error] = row.slice(inputHeader.length);
      return { score, tier, decision, reasons: reasons?.split(';'), status, error };
    };
    expect(result('olivia.chen@fabrikam-industries.com')).toEqual({
      score: '',
      tier: '',
      decision: '',
      reasons: [''],
      status: 'existing_customer',
      error: '',
    });
    expect(result('not-an-email')).toEqual({
      score: '',
      tier: '',
      decision: '',
      reasons: [''],
      status: 'error',
      error: expect.stringMatching(/^1 field\(s\) are invalid\. Email: an email address/),
    });
    expect(result('sam@mailinator.com')).toMatchObject({
      status: 'scored',
      decision: 'disqualified',
      reasons: ['disposable-email'],
    });
    // "United States" reached the rules as US.
    expect(result('maria.lopez@northwind-analytics.com')).toMatchObject({
      status: 'scored',
      score: expect.stringMatching(/^\d+$/),
      tier: expect.stringMatching(/^[A-D]$/),
      reasons: expect.arrayContaining(['core-market-country', 'corporate-email']),
      error: '',
    });
    // "12,000" reached the rules as 12000.
    expect(result('li.lei@contoso-labs.com').reasons).toContain('company-size-enterprise');

    // Non-ASCII names and quoted fields (commas, a newline, doubled quotes) are written exactly
    // as they were read: every single-line input row reappears as the start of its output row.
    for (const name of ['María,López', 'Zoë,Brontë', '雷,李']) {
      expect(run.stdout.includes(Buffer.from(name, 'utf8'))).toBe(true);
    }
    const rawRows = readFileSync(join(ROOT, LEADS), 'utf8').split('\n').slice(1, -1);
    for (const raw of rawRows.filter(
      (line) => !line.startsWith('said') && !line.endsWith('booth'),
    )) {
      expect(run.stdout.includes(Buffer.from(`${raw},`, 'utf8'))).toBe(true);
    }
    expect(run.stdout.includes(Buffer.from('"Met at the booth\nsaid ""call me in Q3""",'))).toBe(
      true,
    );
  });

  it('prints a summary on stderr that agrees with the file, and nothing else on stdout', () => {
    const run = enrich([LEADS]);
    expect(run.status).toBe(0);
    const output = table(run.stdout).slice(1);
    const count = (status: string, decision?: string) =>
      output.filter((row) => row.at(-2) === status && (decision ?? row.at(-4)) === row.at(-4))
        .length;

    expect(run.stderr).toMatch(/^enrich: reading test\/fixtures\/leads\.csv \(8 rows\)$/m);
    expect(run.stderr).toMatch(/^enrich: sending email=Email, phone=Phone, firstName=First Name,/m);
    expect(run.stderr).toMatch(/^enrich: not sent, kept in the output: Notes$/m);
    expect(run.stderr).toMatch(
      /^enrich: 8 rows in \d+\.\ds \([\d.]+ rows\/s\), written to stdout$/m,
    );
    const decisions = ['qualified', 'nurture', 'review', 'disqualified']
      .map((decision) => `${count('scored', decision)} ${decision}`)
      .join(', ');
    expect(run.stderr).toContain(`  scored              ${count('scored')} (${decisions})\n`);
    expect(count('scored')).toBe(6);
    expect(run.stderr).toMatch(/^ {2}existing customers {2}1 \(skipped: not scored\)$/m);
    expect(run.stderr).toMatch(/^ {2}unverified {10}0$/m);
    expect(run.stderr).toMatch(/^ {2}failed {14}1 \(see the error column\)$/m);
    expect(run.stderr).toMatch(/^ {2}lookups {13}[1-9]\d* calls, cost \d+\.\d\d$/m);
    // "51-200" is no head count: left out, and said so.
    expect(run.stderr).toMatch(/^enrich: 1 "Employees" value\(s\) were not whole numbers/m);
  });

  it('reads the columns --map names, and leaves out a field mapped to nothing', () => {
    const unmapped = enrich([CUSTOM_HEADERS]);
    // The default "Email" column holds no addresses here: every row fails, so exit 1.
    expect(unmapped.status).toBe(1);
    expect(unmapped.stderr).toMatch(
      /enrich: no row could be scored; the first failed with: .*Email/,
    );

    const run = enrich([
      CUSTOM_HEADERS,
      '--map',
      'email=Primary Email',
      '--map',
      'company.employees=Headcount',
      '--map',
      'country=',
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^enrich: sending email=Primary Email, company\.employees=Headcount$/m,
    );
    const [header = [], ...rows] = table(run.stdout);
    expect(header).toEqual([
      'Primary Email',
      'Email',
      'Given',
      'Family',
      'Account',
      'Headcount',
      'Country',
      'Owner',
      ...ADDED,
    ]);
    const reasons = rows.map((row) => row[header.indexOf('reasons')]?.split(';'));
    expect(rows.map((row) => row[header.indexOf('status')])).toEqual(['scored', 'scored']);
    expect(reasons[0]).toContain('company-size-mid-market');
    expect(reasons[1]).toContain('company-size-enterprise');
    for (const codes of reasons) expect(codes).not.toContain('core-market-country');
  });

  it('exits 2 with one line for a missing file, a bad option or malformed CSV', () => {
    const missing = enrich(['test/fixtures/no-such-leads.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stdout.length).toBe(0);
    expect(missing.stderr).toBe(
      'enrich: cannot read test/fixtures/no-such-leads.csv: no such file\n',
    );

    const badOption = enrich([LEADS, '--colour']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toBe(
      'enrich: unknown option --colour (see prospect-scorer enrich --help)\n',
    );

    const badMap = enrich([LEADS, '--map', 'email=Primary Email']);
    expect(badMap.status).toBe(2);
    expect(badMap.stderr).toMatch(/^enrich: --map email=Primary Email: the file has no column/m);

    // Refused before anything is scored (or paid for), naming the line but not the data.
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'Email,Name\na@acme.com,Ann\nb@acme.com,"Bob\n');
    const malformed = enrich([broken]);
    expect(malformed.status).toBe(2);
    expect(malformed.stdout.length).toBe(0);
    expect(malformed.stderr).toBe(`enrich: ${broken}: line 3: a quoted field is never closed\n`);
  });

  it('prints the usage with --help', () => {
    const run = enrich(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout.toString('utf8')).toMatch(/^usage: prospect-scorer enrich \[options\] FILE/);
  });

  it('writes -o FILE, keeps a byte-order mark, and reports progress in lines when not a TTY', () => {
    const input = join(dir, 'many.csv');
    const output = join(dir, 'scored.csv');
    const rows = Array.from(
      { length: 2100 },
      (_, i) => `lead${i}@northwind-analytics.com,Lead ${i},Northwind Analytics\r\n`,
    );
    writeFileSync(input, `\uFEFFEmail,Name,Company\r\n${rows.join('')}`);

    const run = enrich([input, '-o', output]);
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBe(0);
    const progress = run.stderr.split('\n').filter((line) => / of 2100 rows, /.test(line));
    expect(progress).toEqual([
      expect.stringMatching(/^enrich: 1000 of 2100 rows, [\d.]+ rows\/s$/),
      expect.stringMatching(/^enrich: 2000 of 2100 rows, [\d.]+ rows\/s$/),
      expect.stringMatching(/^enrich: 2100 of 2100 rows, [\d.]+ rows\/s$/),
    ]);
    expect(run.stderr).toMatch(new RegExp(`written to ${output.replace(/\W/g, '\\$&')}$`, 'm'));

    const written = readFileSync(output);
    expect(written.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...scored] = table(written);
    expect(header).toEqual(['Email', 'Name', 'Company', ...ADDED]);
    expect(scored.map((row) => row[1])).toEqual(rows.map((_, i) => `Lead ${i}`));
    expect(new Set(scored.map((row) => row.at(-2)))).toEqual(new Set(['scored']));
  });

  it('keeps input order when one row waits out a slow lookup', async () => {
    // Fake sources: the CRM answers at once, except for one address it never answers.
    const hanging: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/crm/customers') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
      } else if (url.searchParams.get('email')?.startsWith('slow') !== true) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"isCustomer":false,"matchedBy":null}');
      }
    });
    hanging.listen(0, '127.0.0.1');
    await once(hanging, 'listening');
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    try {
      const input = join(dir, 'straggler.csv');
      const emails = Array.from({ length: 800 }, (_, i) =>
        i === 3 ? 'slow@acme.com' : `lead${i}@acme${i % 7}.com`,
      );
      writeFileSync(
        input,
        `Id,Email\n${emails.map((email, i) => `${i + 1},${email}`).join('\n')}\n`,
      );

      const run = await runEnrichCli([input, '--no-sandbox'], {
        CRM_BASE_URL: url,
        PARTNER_BASE_URL: url,
        CREDIT_BASE_URL: url,
        IDENTITY_BASE_URL: url,
      });
      expect(run.stderr).toMatch(/^ {2}unverified {10}1 /m);
      expect(run.status).toBe(0);
      const [, ...rows] = table(run.stdout);
      expect(rows.map((row) => row[0])).toEqual(emails.map((_, i) => String(i + 1)));
      expect(rows[3]?.at(-2)).toBe('unverified');
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});
