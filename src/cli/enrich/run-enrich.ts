import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createHttpScorer } from './create-http-scorer';
import { DEFAULT_COLUMN_NAMES } from './default-column-names';
import { EnrichTally } from './enrich-tally';
import { ENRICH_USAGE } from './enrich-usage';
import { errorDescriber } from './error-describer';
import { formatSummary } from './format-summary';
import { inspectCsvFile, type CsvFileFacts } from './inspect-csv-file';
import { lineLogger } from './line-logger';
import { openCsvOutput } from './open-csv-output';
import { openCsvReader, type CsvRow } from './open-csv-reader';
import { parseEnrichArgs, type EnrichArgs } from './parse-enrich-args';
import { ENRICH_COLUMNS, planOutputLayout } from './plan-output-layout';
import { plural } from './plural';
import { createProgressReporter, type ProgressReporter } from './progress-reporter';
import { resolveColumnMapping, type ColumnMapping } from './resolve-column-mapping';
import type { PreparedRow } from './row-outcome';
import type { RowScorer } from './row-scorer';
import { startInProcessScorer } from './start-in-process-scorer';
import { toProspectInput, type ProspectInputOptions } from './to-prospect-input';
import { UsageError } from './usage-error';

/** What the command may touch of its process, passed in so nothing else reads globals. */
export interface EnrichIo {
  env: Readonly<Record<string, string | undefined>>;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** stderr is a terminal: draw a progress bar rather than print progress lines. */
  stderrIsTTY: boolean;
}

/** `prospect-scorer enrich`: resolves to the exit code (0 done, 1 nothing scored, 2 usage). */
export async function runEnrich(argv: readonly string[], io: EnrichIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let args: EnrichArgs;
  try {
    args = parseEnrichArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`enrich: ${error.message} (see prospect-scorer enrich --help)`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(ENRICH_USAGE);
    return 0;
  }
  try {
    return await enrich(args, io, say);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`enrich: ${error.message}`);
    return 2;
  }
}

async function enrich(args: EnrichArgs, io: EnrichIo, say: (line: string) => void) {
  const started = Date.now();
  const fromStdin = args.input === '-';
  const facts = fromStdin ? undefined : await inspectCsvFile(args.input, args.delimiter);
  const name = fromStdin ? 'stdin' : args.input;
  const reader = await openCsvReader(
    fromStdin ? io.stdin : createReadStream(args.input),
    name,
    args.delimiter,
  );

  let scorer: RowScorer | undefined;
  let progress: ProgressReporter | undefined;
  // Warnings from the service code, drawn above the progress bar once there is one.
  const note = (line: string) => (progress === undefined ? say(line) : progress.note(line));
  try {
    const mapping = resolveColumnMapping(reader.header, args.maps);
    requireContactColumn(mapping, reader.header, args.delimiter);
    const layout = planOutputLayout(reader.header);
    describeStart(say, { name, facts, mapping, replaced: layout.replaced });

    const describeError = errorDescriber(mapping);
    scorer =
      args.url === undefined
        ? await startInProcessScorer({
            rulesDir: args.rulesDir,
            sandbox: args.sandbox,
            env: io.env,
            logger: lineLogger(note),
            describeError,
          })
        : createHttpScorer({
            baseUrl: args.url,
            apiKey: io.env.PROSPECT_SCORER_API_KEY || undefined,
            inputName: fromStdin ? '-' : resolve(args.input),
            describeError,
          });
    say(`enrich: scoring ${scorer.description}`);

    const output = await openCsvOutput(args.output, io.stdout, {
      delimiter: args.delimiter,
      bom: facts?.bom ?? false,
    });
    const tally = new EnrichTally();
    const ignored = new Map<string, number>();
    const inputOptions: ProspectInputOptions = {
      defaultSource: args.defaultSource,
      onIgnored: (header) => ignored.set(header, (ignored.get(header) ?? 0) + 1),
    };
    if (args.progress) {
      progress = createProgressReporter({
        stream: io.stderr,
        tty: io.stderrIsTTY,
        total: facts?.rows,
      });
    }
    try {
      await output.write(layout.header);
      for await (const scored of scorer.score(prepare(reader.rows, mapping, inputOptions))) {
        tally.add(scored.outcome);
        await output.write(layout.cellsOf(scored.cells, scored.outcome));
        progress?.tick();
      }
    } finally {
      progress?.stop();
      progress = undefined;
    }
    await output.close();

    io.stderr.write(formatSummary(tally, { elapsedMs: Date.now() - started, output: output.name }));
    for (const [header, count] of ignored) {
      say(`enrich: ${count} "${header}" value(s) were not whole numbers and were not sent`);
    }
    if (tally.rows > 0 && tally.errors === tally.rows) {
      say(`enrich: no row could be scored; the first failed with: ${tally.firstError}`);
      return 1;
    }
    return 0;
  } finally {
    reader.close();
    await scorer?.close();
  }
}

async function* prepare(
  rows: AsyncIterable<CsvRow>,
  mapping: ColumnMapping,
  options: ProspectInputOptions,
): AsyncGenerator<PreparedRow> {
  for await (const { row, cells, problem } of rows) {
    yield problem === undefined
      ? { row, cells, input: toProspectInput(row, cells, mapping, options) }
      : { row, cells, problem };
  }
}

/** The API needs an email or a phone number; without either column every row would fail. */
function requireContactColumn(
  mapping: ColumnMapping,
  header: readonly string[],
  delimiter: string,
): void {
  if (mapping.columns.some((column) => column.field === 'email' || column.field === 'phone')) {
    return;
  }
  const looked = [...DEFAULT_COLUMN_NAMES.email, ...DEFAULT_COLUMN_NAMES.phone].join(', ');
  const other = [';', '\t'].find((char) => char !== delimiter && header.join('').includes(char));
  const hint =
    header.length === 1 && other !== undefined
      ? `; the file seems to be separated by ${other === '\t' ? 'tabs' : `"${other}"`}: try --delimiter ${other === '\t' ? 'tab' : `"${other}"`}`
      : '; name one with --map email=HEADER or --map phone=HEADER';
  throw new UsageError(`no email or phone column (looked for ${looked})${hint}`);
}

function describeStart(
  say: (line: string) => void,
  start: { name: string; facts?: CsvFileFacts; mapping: ColumnMapping; replaced: boolean },
): void {
  const { name, facts, mapping } = start;
  say(`enrich: reading ${name}${facts === undefined ? '' : ` (${plural(facts.rows, 'row')})`}`);
  if (facts?.notUtf8) {
    say(
      `enrich: warning: ${name} is not all UTF-8, so some characters are already garbled; ` +
        'export it again as "CSV UTF-8"',
    );
  }
  say(
    `enrich: sending ${mapping.columns.map((column) => `${column.field}=${column.header}`).join(', ')}`,
  );
  const ours: ReadonlySet<string> = new Set(start.replaced ? ENRICH_COLUMNS : []);
  const kept = mapping.unused.filter((header) => !ours.has(header));
  if (kept.length > 0) say(`enrich: not sent, kept in the output: ${kept.join(', ')}`);
  if (start.replaced) {
    say('enrich: the input already has score...error columns from an earlier run; replacing them');
  }
}
