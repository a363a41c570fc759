import { pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { plural } from './plural';
import { UsageError } from './usage-error';

/** A runaway quote would otherwise read the rest of a large file into one field. */
const MAX_RECORD_BYTES = 1024 * 1024;

export interface CsvRow {
  /** 1-based data row number (the header is not a row). */
  row: number;
  /** Values by header position; a short row is padded with empty strings. */
  cells: string[];
  /** Set when the row's field count differs from the header's (a broken line, usually). */
  problem?: string;
}

export interface CsvReader {
  header: string[];
  rows: AsyncIterable<CsvRow>;
  /** Stops reading (and closes the file) when the rows will not be read to the end. */
  close(): void;
}

interface ParsedItem {
  record: Record<string, string | undefined>;
  info: { lines: number; error?: { code?: string; record?: unknown } };
}

/**
 * Reads a CSV stream row by row. Records are keyed by position rather than by header name
 * (the function form of `columns`), so duplicate or numeric header names keep every column and
 * the file's column order. Fails with a UsageError for an empty input or malformed CSV, saying
 * where, but never quoting the data (it is personal data that would end up in terminal logs).
 */
export async function openCsvReader(
  source: Readable,
  name: string,
  delimiter: string,
): Promise<CsvReader> {
  let header: string[] | undefined;
  const parser = parse({
    bom: true,
    delimiter,
    relax_quotes: false,
    // A row with a wrong field count is that row's error, not the end of the run.
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
    columns: (names: string[]) => {
      header = names;
      return names.map((_, index) => String(index));
    },
  });
  // Errors of the file stream reach the parser, and so the reader, instead of being lost.
  pipeline(source, parser, () => undefined);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedItem>;
  const next = async () => {
    try {
      return await iterator.next();
    } catch (error) {
      throw new UsageError(describeReadError(name, error), { cause: error });
    }
  };

  const first = await next();
  if (header === undefined) throw new UsageError(`${name} is empty: no header row`);
  const columns = header;
  async function* rows(): AsyncGenerator<CsvRow> {
    let current = first;
    let row = 0;
    try {
      while (current.done !== true) {
        row += 1;
        yield toRow(row, current.value, columns.length);
        current = await next();
      }
    } finally {
      if (current.done !== true) await iterator.return?.();
    }
  }
  return { header: columns, rows: rows(), close: () => parser.destroy() };
}

function toRow(row: number, item: ParsedItem, width: number): CsvRow {
  const cells = Array.from({ length: width }, (_, index) => item.record[String(index)] ?? '');
  const { error } = item.info;
  if (error?.code !== 'CSV_RECORD_INCONSISTENT_COLUMNS') return { row, cells };
  const count = Array.isArray(error.record) ? error.record.length : undefined;
  const found = count === undefined ? 'a different number of fields' : plural(count, 'field');
  return {
    row,
    cells,
    problem:
      `line ${item.info.lines} has ${found} where the header has ${width}` +
      ' (a stray quote or separator?); the row was not sent',
  };
}

const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  INVALID_OPENING_QUOTE: 'a quote appears inside a field that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  CSV_MAX_RECORD_SIZE: 'a row is longer than 1 MB (a quote left open?)',
};

function describeReadError(name: string, error: unknown): string {
  const { code, lines, message } = (error ?? {}) as {
    code?: unknown;
    lines?: unknown;
    message?: unknown;
  };
  if (typeof code === 'string' && (code.startsWith('CSV_') || code.startsWith('INVALID_'))) {
    const where = typeof lines === 'number' ? ` line ${lines}:` : '';
    return `${name}:${where} ${CSV_PROBLEMS[code] ?? `not valid CSV (${code})`}`;
  }
  return `cannot read ${name}: ${typeof message === 'string' ? message : String(error)}`;
}
