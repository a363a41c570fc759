import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR } from '../helpers/build-test-app';
import { runServerToExit } from '../helpers/run-server';

function copyOfDefaultRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  return dir;
}

describe('the service refuses to start on a broken rule set', () => {
  it('names the file, the rule and the JSON path of an unknown fact', () => {
    const dir = copyOfDefaultRules();
    const file = join(dir, 'fit.rules.json');
    const rules = JSON.parse(readFileSync(file, 'utf8'));
    rules[2].conditions.all[0].fact = 'companySizeBnad';
    writeFileSync(file, JSON.stringify(rules, null, 2));

    const result = runServerToExit({ RULES_DIR: dir });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Refusing to start');
    expect(result.stderr).toContain(
      `${dir}/fit.rules.json:$[2].conditions.all[0].fact: unknown fact "companySizeBnad" (rule "company-size-mid-market")`,
    );
  });

  it('names the file and position of invalid JSON', () => {
    const dir = copyOfDefaultRules();
    writeFileSync(join(dir, 'intent.rules.json'), '[{"name": "half-written",');

    const result = runServerToExit({ RULES_DIR: dir });

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${dir}/intent\\.rules\\.json:\\$: invalid JSON`));
  });

  it('names a bad environment variable', () => {
    const result = runServerToExit({ PORT: 'eighty', DEFAULT_PHONE_REGION: 'usa' });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('DEFAULT_PHONE_REGION');
  });

  it('refuses to start when CUSTOMERS_FILE does not exist, rather than treat everyone as a prospect', () => {
    const result = runServerToExit({ CUSTOMERS_FILE: '/nonexistent/customers.txt' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('/nonexistent/customers.txt');
  });
});
