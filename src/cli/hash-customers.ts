import { readFileSync, writeFileSync } from 'node:fs';
import { isSupportedCountry } from 'libphonenumber-js';
import { hashCustomerLines } from '../domain/customers/hash-customer-lines';

/*
 * Turns a plain customer export into a CUSTOMERS_FILE holding hashes only:
 *   npm run customers:hash -- export.txt > customers.txt
 * With CUSTOMER_HASH_KEY set the lines are keyed (hmac-sha256), which is the form to ship.
 */

const USAGE =
  'usage: hash-customers [--default-region XX] [-o FILE] [FILE|-]   (reads stdin without FILE)';

interface Args {
  input: string;
  output: string | undefined;
  region: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { input: '-', output: undefined, region: 'US' };
  let inputSeen = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--default-region' || arg === '-o') {
      const value = argv[i + 1];
      if (value === undefined || value === '') throw new UsageError(`${arg} needs a value`);
      i += 1;
      if (arg === '-o') args.output = value;
      else args.region = value.toUpperCase();
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else if (inputSeen) {
      throw new UsageError('only one input file may be given');
    } else {
      args.input = arg;
      inputSeen = true;
    }
  }
  if (!isSupportedCountry(args.region)) {
    throw new UsageError(`--default-region must be a supported country code such as US`);
  }
  return args;
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`hash-customers: ${err.message}\n${USAGE}\n`);
    return 2;
  }

  let content: string;
  try {
    // File descriptor 0 reads stdin to its end, pipe or file alike.
    content = readFileSync(args.input === '-' ? 0 : args.input, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`hash-customers: cannot read ${args.input}: ${reason}\n`);
    return 1;
  }

  const hashKey = process.env['CUSTOMER_HASH_KEY'] || undefined;
  if (hashKey === undefined) {
    process.stderr.write(
      'hash-customers: warning: CUSTOMER_HASH_KEY is not set, writing bare sha256 lines; ' +
        'bare SHA-256 of emails and phone numbers can be reversed with a dictionary\n',
    );
  }
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const result = hashCustomerLines(lines, { hashKey, defaultPhoneRegion: args.region });
  for (const problem of result.problems) {
    // The line number only: echoing the line would put personal data in terminal logs.
    process.stderr.write(`hash-customers: line ${problem.line} skipped: ${problem.message}\n`);
  }

  const text = result.lines.map((line) => `${line}\n`).join('');
  try {
    if (args.output === undefined) process.stdout.write(text);
    else writeFileSync(args.output, text, { mode: 0o600 });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`hash-customers: cannot write ${args.output ?? 'stdout'}: ${reason}\n`);
    return 1;
  }
  process.stderr.write(
    `hash-customers: ${result.lines.length} ${result.algorithm} lines, ` +
      `${result.problems.length} skipped\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
