import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROJECT_ROOT = join(__dirname, '..', '..');
const SUMMARY = /^rules:check: .*$/m;
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rulesCheck(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), 'src/cli/rules-check.ts', ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, DEFAULT_PHONE_REGION: 'US' },
      timeout: 15000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function copyOfDefaultRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-check-'));
  cpSync(join(PROJECT_ROOT, 'rules'), dir, { recursive: true });
  return dir;
}

function editJson(file: string, edit: (json: never) => unknown): void {
  writeFileSync(
    file,
    JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8')) as never), null, 2),
  );
}

describe('npm run rules:check', () => {
  it('passes the default rules with every rule test green and every rule covered', () => {
    const result = rulesCheck('rules');

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(
      /^rules:check: 30 rules, 4 sources, (\d+) test cases: \1 passed, 0 failed; 0 problems; 30\/30 rules covered\n$/,
    );
  });

  it('checks the rules directory when no directory is given', () => {
    const result = rulesCheck();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('30/30 rules covered');
  });

  it('names the file and JSON path of every problem that stops the rule set loading', () => {
    const dir = copyOfDefaultRules();
    editJson(
      join(dir, 'fit.rules.json'),
      (rules: Array<{ conditions: { all: Array<{ fact: string }> } }>) => {
        (rules[2]?.conditions.all[0] as { fact: string }).fact = 'companySizeBnad';
        return rules;
      },
    );
    writeFileSync(join(dir, 'intent.rules.json'), '[{"name": "half-written",');

    const result = rulesCheck(dir);

    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${dir}/fit.rules.json:$[2].conditions.all[0].fact: unknown fact "companySizeBnad" (rule "company-size-mid-market")`,
    );
    expect(result.stdout).toMatch(
      new RegExp(`^${literal(dir)}/intent\\.rules\\.json:\\$: invalid JSON: `, 'm'),
    );
    expect(result.stdout.match(SUMMARY)?.[0]).toBe(
      'rules:check: 2 problems; the rule set does not load, so its rule tests were not run',
    );
  });

  it('names each failing rule test and malformed test file, and fails', () => {
    const dir = copyOfDefaultRules();
    editJson(join(dir, 'policy.json'), (policy: { thresholds: { qualified: number } }) => ({
      ...policy,
      thresholds: { ...policy.thresholds, qualified: 70 },
    }));
    writeFileSync(join(dir, 'tests', 'half-written.json'), '{"cases": [');
    writeFileSync(
      join(dir, 'tests', 'typo.json'),
      JSON.stringify({
        cases: [
          {
            name: 'typo',
            prospect: { email: 'a@contoso-labs.com' },
            lookups: { partnr: 'not_found' },
            expect: { status: 'scored' },
          },
        ],
      }),
    );

    const result = rulesCheck(dir);

    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${literal(dir)}/tests/half-written\\.json:\\$: invalid JSON: `),
      ),
    );
    expect(lines).toContain(
      `${dir}/tests/typo.json:$.cases[0].lookups.partnr: unknown source "partnr" (sources.json declares "crm", "partner", "credit", "callerId")`,
    );
    // Raising the bar moves the prospect that just qualified at 65 to nurture.
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${literal(dir)}/tests/hygiene\\.json:\\$\\.cases\\[\\d+\\]: expected decision "qualified", got "nurture" \\(score 65, reasons: .*\\) \\(case ".*"\\)$`,
        ),
      ),
    );
    expect(result.stdout.match(SUMMARY)?.[0]).toMatch(
      /^rules:check: 30 rules, 4 sources, \d+ test cases: \d+ passed, [1-9]\d* failed; 2 problems; 30\/30 rules covered$/,
    );
  });

  it('warns about rules no test covers, and fails on them only with --strict-coverage', () => {
    const dir = copyOfDefaultRules();
    editJson(join(dir, 'intent.rules.json'), (rules: object[]) => [
      ...rules,
      {
        name: 'antarctic-research',
        conditions: { all: [{ fact: 'country', operator: 'equal', value: 'AQ' }] },
        event: { type: 'score', params: { points: 5, message: 'Research station' } },
      },
    ]);
    const warning = `${dir}/intent.rules.json: rule "antarctic-research" is not covered by any rule test`;

    const lenient = rulesCheck(dir);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain(warning);
    expect(lenient.stdout).toContain('30/31 rules covered');

    const strict = rulesCheck('--strict-coverage', dir);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(warning);
  });

  it('exits 2 with a message for bad usage or a directory it cannot read', () => {
    const missing = rulesCheck(join(tmpdir(), 'no-such-rules-dir'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read rules directory');

    const unknown = rulesCheck('--verbose');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --verbose');
    expect(unknown.stderr).toContain('usage:');
  });
});
