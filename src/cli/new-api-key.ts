import { parseApiKeysFile } from '../auth/api-keys-file';
import { newApiKey } from '../auth/new-api-key';
import { SCOPES, type Scope } from '../auth/scopes';

/*
 * Makes a new API key: prints the key once (hand it to the client) and the keys-file entry with
 * its digest (add it to API_KEYS_FILE; for a rotation, add the new {id, digest} to the client's
 * "keys", move callers over, then remove the old one).
 *   API_KEY_PEPPER=... npm run keys:new -- --client signup-form --scope score --origin https://www.example.com
 */

const USAGE =
  'usage: keys:new --client NAME --scope score|enrich|admin [--scope ...] [--origin https://... ...]';

class UsageError extends Error {}

function parseArgs(argv: readonly string[]) {
  let client: string | undefined;
  const scopes: Scope[] = [];
  const origins: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${flag} needs a value`);
    if (flag === '--client') client = value;
    else if (flag === '--origin') origins.push(value);
    else if (flag === '--scope') {
      if (!(SCOPES as readonly string[]).includes(value)) {
        throw new UsageError(`--scope must be one of ${SCOPES.join(', ')}`);
      }
      scopes.push(value as Scope);
    } else throw new UsageError(`unknown option ${flag}`);
  }
  if (client === undefined) throw new UsageError('--client is required');
  if (scopes.length === 0) throw new UsageError('at least one --scope is required');
  if (scopes.includes('score') && origins.length === 0) {
    throw new UsageError('a score (publishable) key needs at least one --origin');
  }
  return { client, scopes, origins };
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const pepper = process.env.API_KEY_PEPPER ?? '';
  if (pepper.length < 32) {
    process.stderr.write('API_KEY_PEPPER must be set (32+ characters), as for the service\n');
    return 2;
  }
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const { key, entry } = newApiKey({ ...args, pepper });
  // The same checks the service makes at start-up, so a bad entry is caught here, not there.
  const checked = parseApiKeysFile(JSON.stringify({ clients: [entry] }), 'the new entry');
  if (!checked.ok) {
    process.stderr.write(`${checked.problems.join('\n')}\n`);
    return 2;
  }
  process.stdout.write(
    `New key for "${entry.name}" (shown once; give it to the client now):\n\n  ${key}\n\n` +
      `Keys-file entry (a new client; for a rotation add only the keys item to the client's ` +
      `"keys", at most 2):\n\n${JSON.stringify(entry, null, 2)}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
