import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { openCsvReader } from './open-csv-reader';
import { UsageError } from './usage-error';

export interface CsvFileFacts {
  header: string[];
  rows: number;
  /** Starts with a UTF-8 byte-order mark (Excel's "CSV UTF-8"); the output keeps one too. */
  bom: boolean;
  /** Some bytes were not UTF-8, so some names are already garbled in what we read. */
  notUtf8: boolean;
}

/**
 * Reads the whole file once before anything is scored: the progress bar gets an exact total,
 * and a malformed file is refused before any paid lookup is made rather than at row 40,000.
 * Parsing is far cheaper than scoring, so the second read costs little.
 */
export async function inspectCsvFile(path: string, delimiter: string): Promise<CsvFileFacts> {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${reasonOf(error)}`, { cause: error });
  }
  if (!isFile) throw new UsageError(`cannot read ${path}: not a file`);

  const reader = await openCsvReader(createReadStream(path), path, delimiter);
  let rows = 0;
  let notUtf8 = reader.header.some(hasReplacementChar);
  for await (const row of reader.rows) {
    rows += 1;
    if (!notUtf8 && row.cells.some(hasReplacementChar)) notUtf8 = true;
  }
  return { header: reader.header, rows, bom: startsWithBom(path), notUtf8 };
}

/** What a UTF-8 decoder puts where the bytes were not UTF-8 (e.g. a Windows-1252 export). */
const hasReplacementChar = (text: string) => text.includes('\uFFFD');

function startsWithBom(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(3);
    const read = readSync(fd, head, 0, 3, 0);
    return read === 3 && head.equals(Buffer.from([0xef, 0xbb, 0xbf]));
  } finally {
    closeSync(fd);
  }
}

const reasonOf = (error: unknown): string =>
  (error as { code?: string }).code === 'ENOENT'
    ? 'no such file'
    : error instanceof Error
      ? error.message
      : String(error);
