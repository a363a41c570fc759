import { readFileSync } from 'node:fs';

/*
 * Reads `npm audit --omit=dev --json` on stdin and its exit code as the first argument, and
 * decides whether CI goes on:
 *   npm audit --omit=dev --json > audit.json; tsx src/cli/audit-verdict.ts $? < audit.json
 * Fails on any high or critical vulnerability. Passes, loudly, only when the audit endpoint
 * itself could not be asked (some registries and mirrors do not serve it); anything it cannot
 * read fails, so a changed report format is never taken for a clean one.
 */

export type AuditVerdict =
  | { outcome: 'pass'; message: string }
  | { outcome: 'fail'; message: string }
  | { outcome: 'unreachable'; message: string };

interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, unknown> };
  error?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/** Network failures and HTTP answers that mean "no audit service here", not "vulnerable". */
const UNREACHABLE_CODES = /^(E4\d\d|E5\d\d|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN)$/;

export function auditVerdict(output: string, exitCode: number): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(output) as AuditReport;
  } catch {
    return { outcome: 'fail', message: `npm audit gave no JSON report (exit ${exitCode})` };
  }
  const counts = report.metadata?.vulnerabilities;
  if (counts !== undefined && typeof counts === 'object') {
    const high = Number(counts.high ?? 0);
    const critical = Number(counts.critical ?? 0);
    if (!Number.isFinite(high) || !Number.isFinite(critical)) {
      return { outcome: 'fail', message: 'npm audit counts are unreadable' };
    }
    if (high + critical > 0) {
      return {
        outcome: 'fail',
        message: `npm audit: ${critical} critical and ${high} high vulnerabilities in production dependencies`,
      };
    }
    return {
      outcome: 'pass',
      message: `npm audit: no high or critical vulnerabilities (${Number(counts.total ?? 0)} lower)`,
    };
  }
  const reason = unreachableReason(report);
  if (reason !== undefined) {
    return {
      outcome: 'unreachable',
      message: `WARNING: the npm audit endpoint could not be reached (${reason}); dependencies were NOT audited`,
    };
  }
  return { outcome: 'fail', message: `npm audit report not understood (exit ${exitCode})` };
}

function unreachableReason(report: AuditReport): string | undefined {
  const status = typeof report.statusCode === 'number' ? report.statusCode : undefined;
  if (status !== undefined && status >= 400) return `HTTP ${status}`;
  const error = report.error as { code?: unknown; summary?: unknown } | undefined;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  if (code !== undefined && UNREACHABLE_CODES.test(code)) return code;
  return undefined;
}

function main(): void {
  const verdict = auditVerdict(readFileSync(0, 'utf8'), Number(process.argv[2] ?? 0));
  const stream = verdict.outcome === 'pass' ? process.stdout : process.stderr;
  stream.write(`${verdict.message}\n`);
  process.exitCode = verdict.outcome === 'fail' ? 1 : 0;
}

if (require.main === module) main();
