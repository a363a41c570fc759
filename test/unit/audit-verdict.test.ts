import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditVerdict } from '../../src/cli/audit-verdict';

const sample = (name: string) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'audit', `${name}.json`), 'utf8');

describe('the CI audit verdict (npm audit --omit=dev --json)', () => {
  it('fails on a high vulnerability', () => {
    expect(auditVerdict(sample('high-vulnerability'), 1)).toEqual({
      outcome: 'fail',
      message: expect.stringContaining('0 critical and 1 high'),
    });
  });

  it('fails on a critical one', () => {
    const report = JSON.parse(sample('high-vulnerability'));
    report.metadata.vulnerabilities = { ...report.metadata.vulnerabilities, high: 0, critical: 2 };
    expect(auditVerdict(JSON.stringify(report), 1).outcome).toBe('fail');
  });

  it('passes with only low and moderate findings, though npm exits non-zero', () => {
    expect(auditVerdict(sample('moderate-only'), 1).outcome).toBe('pass');
  });

  it.each(['endpoint-405', 'network-down'])(
    'warns but passes when the audit endpoint cannot be asked (%s)',
    (name) => {
      const verdict = auditVerdict(sample(name), 1);
      expect(verdict.outcome).toBe('unreachable');
      expect(verdict.message).toMatch(/^WARNING: .*NOT audited/);
    },
  );

  it.each([
    ['no JSON', 'npm ERR! something'],
    ['an unknown shape', '{"whatever": true}'],
    ['an error that is not about reaching the endpoint', '{"error":{"code":"ENOLOCK"}}'],
  ])('fails on %s rather than call it clean', (_what, output) => {
    expect(auditVerdict(output, 1).outcome).toBe('fail');
  });
});
