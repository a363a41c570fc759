import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from './usage-error';

export interface CsvOutput {
  /** The file name, or "stdout". */
  name: string;
  write(cells: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export interface CsvOutputOptions {
  delimiter: string;
  /** Write a UTF-8 byte-order mark first, as the input had one (Excel needs it for accents). */
  bom: boolean;
}

/**
 * Writes CSV rows to a file (created or truncated) or to stdout, waiting whenever the
 * destination is slower than scoring so memory stays flat. A write failure (disk full, a closed
 * pipe) ends the run with a UsageError instead of an unhandled stream error.
 */
export async function openCsvOutput(
  path: string | undefined,
  stdout: Writable,
  options: CsvOutputOptions,
): Promise<CsvOutput> {
  const name = path ?? 'stdout';
  const stream = path === undefined ? stdout : createWriteStream(path);
  let failure: Error | undefined;
  const fail = (error: unknown) =>
    new UsageError(`cannot write ${name}: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  stream.on('error', (error: Error) => {
    failure ??= error;
  });
  if (path !== undefined) {
    try {
      await once(stream, 'open');
    } catch (error) {
      throw fail(error);
    }
  }

  const send = async (text: string) => {
    if (failure !== undefined) throw fail(failure);
    try {
      if (!stream.write(text)) await once(stream, 'drain');
    } catch (error) {
      throw fail(error);
    }
  };
  if (options.bom) await send('\uFEFF');
  return {
    name,
    write: (cells) => send(stringify([cells], { delimiter: options.delimiter })),
    close: async () => {
      if (failure !== undefined) throw fail(failure);
      try {
        if (path === undefined) {
          // stdout stays open for whoever writes after us; flushing is enough.
          await new Promise<void>((resolve, reject) =>
            stream.write('', (error) => (error ? reject(error) : resolve())),
          );
        } else {
          stream.end();
          await finished(stream);
        }
      } catch (error) {
        throw fail(error);
      }
    },
  };
}
