import { statSync } from 'node:fs';
import { isSupportedCountry } from 'libphonenumber-js';
import { readRuleSetFiles } from '../adapters/rule-set-directory';
import { buildActiveRuleSet } from '../engine/activate-rule-set';
import { compileRuleSet, type RuleSetFiles } from '../engine/compile-rule-set';
import { builtInFacts } from '../engine/known-facts';
import { formatProblem } from '../engine/rule-set-problem';
import { placeholderSource } from '../engine/rule-tests/canned-source';
import { formatTestFailure } from '../engine/rule-tests/format-test-failure';
import { runRuleTests } from '../engine/rule-tests/run-rule-tests';

/*
 * Checks a rules directory as the service would load it (schema, semantics, sources, rule tests),
 * for ops and their CI:
 *   npm run rules:check [-- DIR]
 * Exit 0 when it would load and every rule test passes, 1 when not, 2 for bad usage.
 * Rule tests use canned lookups only, so no network access and no source secrets are needed.
 */

const USAGE =
  'usage: rules-check [--strict-coverage] [--default-region XX] [DIR]   (DIR defaults to rules)';

interface Args {
  dir: string;
  strictCoverage: boolean;
  region: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  // The service reads national-format phone numbers with this region, so the tests should too.
  const args: Args = {
    dir: 'rules',
    strictCoverage: false,
    region: (process.env['DEFAULT_PHONE_REGION'] || 'US').toUpperCase(),
  };
  let dirSeen = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--strict-coverage') {
      args.strictCoverage = true;
    } else if (arg === '--default-region') {
      const value = argv[i + 1];
      if (value === undefined || value === '') throw new UsageError(`${arg} needs a value`);
      args.region = value.toUpperCase();
      i += 1;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (dirSeen) {
      throw new UsageError('only one directory may be given');
    } else {
      args.dir = arg;
      dirSeen = true;
    }
  }
  if (!isSupportedCountry(args.region)) {
    throw new UsageError(`the default region must be a supported country code such as US`);
  }
  return args;
}

function readDirectory(dir: string): RuleSetFiles {
  if (!statSync(dir).isDirectory()) throw new Error('not a directory');
  return readRuleSetFiles(dir);
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

async function check(args: Args, files: RuleSetFiles): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const { dir } = args;
  const compiled = compileRuleSet(files, builtInFacts());
  if (!compiled.ok) {
    for (const problem of compiled.problems) out(formatProblem(problem, dir));
    out(
      `rules:check: ${plural(compiled.problems.length, 'problem')}; ` +
        'the rule set does not load, so its rule tests were not run',
    );
    return 1;
  }

  // Rule tests replace every source with canned answers, so the live ones are never asked.
  const ruleSet = buildActiveRuleSet(compiled.ruleSet, new Date(), placeholderSource);
  const report = await runRuleTests(ruleSet, files, { defaultPhoneRegion: args.region });
  const prefix = dir.replace(/\/$/, '');
  for (const problem of report.problems) out(formatProblem(problem, dir));
  for (const failure of report.failures) {
    out(formatTestFailure({ ...failure, file: `${prefix}/${failure.file}` }));
  }
  const covered = new Set(report.coveredRules);
  const uncovered = ruleSet.rules.filter((rule) => !covered.has(rule.name));
  for (const rule of uncovered) {
    out(`${prefix}/${rule.file}: rule "${rule.name}" is not covered by any rule test`);
  }

  const cases = report.passed + report.failed;
  out(
    `rules:check: ${plural(ruleSet.rules.length, 'rule')}, ` +
      `${plural(ruleSet.sources.length, 'source')}, ${plural(cases, 'test case')}: ` +
      `${report.passed} passed, ${report.failed} failed; ` +
      `${plural(report.problems.length, 'problem')}; ` +
      `${covered.size}/${ruleSet.rules.length} rules covered` +
      (args.strictCoverage && uncovered.length > 0 ? ' (--strict-coverage)' : ''),
  );
  const ok =
    report.problems.length === 0 &&
    report.failed === 0 &&
    !(args.strictCoverage && uncovered.length > 0);
  return ok ? 0 : 1;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`rules:check: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  let files: RuleSetFiles;
  try {
    files = readDirectory(args.dir);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`rules:check: cannot read rules directory ${args.dir}: ${reason}\n`);
    return 2;
  }
  return check(args, files);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `rules:check: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
