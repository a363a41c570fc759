import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { CustomerIndex } from '../domain/customers/customer-index';
import type { CustomerMatch, CustomerMatcher, Logger } from '../domain/ports';
import type { Prospect } from '../domain/prospect';

export interface CustomerFileStats {
  entries: number;
  problems: number;
  loadedAt: Date;
}

export interface CustomerFileMatcher extends CustomerMatcher {
  /** Stops watching the file; the last loaded list keeps answering. */
  close(): void;
  stats(): CustomerFileStats;
}

export interface CustomerFileMatcherOptions {
  path: string;
  hashKey?: string;
  defaultPhoneRegion: string;
  logger: Logger;
  /** Re-read the file when it changes. Default true. */
  watch?: boolean;
  /** Quiet period after the last change before re-reading. Default 200 ms. */
  debounceMs?: number;
}

interface Loaded extends CustomerFileStats {
  index: CustomerIndex;
}

const DEFAULT_DEBOUNCE_MS = 200;

/** Used when no customers file is configured: nobody is known to be a customer. */
export const noCustomers: CustomerMatcher = {
  match: () => Promise.resolve(null),
};

/**
 * A matcher over CUSTOMERS_FILE. Throws when the file cannot be read at start: a service that
 * started anyway would believe nobody is a customer and score them all. Later read failures
 * keep the last good list for the same reason.
 */
export function loadCustomerFileMatcher(options: CustomerFileMatcherOptions): CustomerFileMatcher {
  const { path, logger } = options;
  let current = parse(readCustomerFile(path), options);
  logger.info({ path, entries: current.entries, problems: current.problems }, 'customers loaded');

  const reload = (): void => {
    let content: string;
    try {
      content = readCustomerFile(path);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      logger.error({ path, reason }, 'customers file re-read failed; keeping the last good list');
      return;
    }
    // An in-place rewrite truncates before it writes; reading in between must not empty the
    // list. A deliberately empty list can still be had by leaving a comment line in the file.
    if (content.length === 0 && current.entries > 0) {
      logger.warn({ path }, 'customers file is empty; keeping the last good list');
      return;
    }
    current = parse(content, options);
    logger.info(
      { path, entries: current.entries, problems: current.problems },
      'customers reloaded',
    );
  };

  const stopWatching =
    options.watch === false
      ? () => undefined
      : watchFile(path, options.debounceMs ?? DEFAULT_DEBOUNCE_MS, reload, logger);

  return {
    match: (prospect: Prospect): Promise<CustomerMatch | null> =>
      Promise.resolve(current.index.match(prospect, options.defaultPhoneRegion)),
    close: stopWatching,
    stats: () => ({
      entries: current.entries,
      problems: current.problems,
      loadedAt: current.loadedAt,
    }),
  };
}

function readCustomerFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`customers file ${path} could not be read: ${reason}`, { cause: err });
  }
}

function parse(content: string, options: CustomerFileMatcherOptions): Loaded {
  // Spreadsheet exports often start with a byte-order mark, which would spoil the first line.
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { index, problems } = CustomerIndex.fromLines(lines, {
    hashKey: options.hashKey,
    defaultPhoneRegion: options.defaultPhoneRegion,
  });
  for (const problem of problems) {
    // Line number and reason only: the line itself is personal data and must not reach logs.
    options.logger.warn(
      { path: options.path, line: problem.line },
      `customers file line skipped: ${problem.message}`,
    );
  }
  return { index, entries: index.size, problems: problems.length, loadedAt: new Date() };
}

/**
 * Watches the directory, not the file: editors and deploy tools replace a file by writing a
 * temporary one and renaming it over, which leaves a file watch attached to the old inode.
 */
function watchFile(path: string, debounceMs: number, reload: () => void, logger: Logger) {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(path), (_event, filename) => {
    // Some platforms omit the name; re-reading needlessly is cheaper than missing a change.
    if (filename !== null && filename !== name) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
    timer.unref();
  });
  watcher.on('error', (err) => {
    logger.error({ path, reason: err.message }, 'customers file watch failed; list frozen');
  });
  // Watching must never be the reason the process stays up.
  watcher.unref();
  return (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    watcher.close();
  };
}
