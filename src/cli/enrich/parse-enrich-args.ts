import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ProspectFields } from '../../domain/prospect';
import { PROSPECT_FIELDS, type ProspectField } from './default-column-names';
import { UsageError } from './usage-error';

export interface EnrichArgs {
  help: boolean;
  /** A file path, or "-" for stdin. */
  input: string;
  /** undefined: stdout. */
  output: string | undefined;
  /** Field → header; null leaves the field out. */
  maps: ReadonlyMap<ProspectField, string | null>;
  defaultSource: string | undefined;
  url: URL | undefined;
  rulesDir: string | undefined;
  sandbox: boolean;
  delimiter: string;
  progress: boolean;
}

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  map: { type: 'string', multiple: true },
  'default-source': { type: 'string' },
  url: { type: 'string' },
  rules: { type: 'string' },
  'no-sandbox': { type: 'boolean' },
  delimiter: { type: 'string' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseEnrichArgs(argv: readonly string[]): EnrichArgs {
  const { values, positionals } = readArgv(argv);
  const help = values.help === true;
  if (help) return { ...defaults(), help };
  if (positionals.length === 0) throw new UsageError('no input file given');
  if (positionals.length > 1) throw new UsageError('only one input file may be given');
  const input = positionals[0] as string;

  const url = values.url === undefined ? undefined : parseServiceUrl(values.url);
  if (url !== undefined && (values.rules !== undefined || values['no-sandbox'] === true)) {
    throw new UsageError('--rules and --no-sandbox are for in-process scoring, not with --url');
  }
  const output = values.output === undefined || values.output === '-' ? undefined : values.output;
  if (output !== undefined && input !== '-' && samePath(output, input)) {
    throw new UsageError('the output would overwrite the input; choose another -o file');
  }
  return {
    help,
    input,
    output,
    maps: parseMaps(values.map ?? []),
    defaultSource: parseDefaultSource(values['default-source']),
    url,
    rulesDir: values.rules,
    sandbox: values['no-sandbox'] !== true,
    delimiter: parseDelimiter(values.delimiter),
    progress: values['no-progress'] !== true,
  };
}

function readArgv(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error), { cause: error });
  }
}

function defaults(): EnrichArgs {
  return {
    help: false,
    input: '-',
    output: undefined,
    maps: new Map(),
    defaultSource: undefined,
    url: undefined,
    rulesDir: undefined,
    sandbox: true,
    delimiter: ',',
    progress: true,
  };
}

function parseMaps(entries: readonly string[]): Map<ProspectField, string | null> {
  const maps = new Map<ProspectField, string | null>();
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals < 0) throw new UsageError(`--map ${entry}: expected FIELD=HEADER`);
    const name = entry.slice(0, equals).trim();
    // Case-insensitive, so "--map firstname=Vorname" works as well as "firstName".
    const field = PROSPECT_FIELDS.find((known) => known.toLowerCase() === name.toLowerCase());
    if (field === undefined) {
      throw new UsageError(
        `--map ${entry}: unknown field "${name}" (one of ${PROSPECT_FIELDS.join(', ')})`,
      );
    }
    const header = entry.slice(equals + 1);
    maps.set(field, header.trim() === '' ? null : header);
  }
  return maps;
}

function parseDefaultSource(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Checked here: a bad default would otherwise fail every row of the file, one by one.
  const result = ProspectFields.shape.source.safeParse(value);
  if (!result.success) {
    throw new UsageError(`--default-source ${value}: letters, digits and _ . : - only, at most 64`);
  }
  return result.data;
}

function parseServiceUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url ${value}: not a URL (e.g. http://localhost:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url ${value}: only http and https URLs`);
  }
  return url;
}

function parseDelimiter(value: string | undefined): string {
  if (value === undefined) return ',';
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if (
    [...delimiter].length !== 1 ||
    delimiter === '"' ||
    delimiter === '\n' ||
    delimiter === '\r'
  ) {
    throw new UsageError(`--delimiter ${value}: one character such as ; or tab`);
  }
  return delimiter;
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

function parseArgsMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = typeof message === 'string' ? message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(text)?.[1];
    return `unknown option ${option ?? text}`;
  }
  // parseArgs explains at length on later lines; the first says what is wrong.
  return text.split('\n')[0] ?? text;
}
