import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../domain/ports';
import { TESTS_DIR } from '../engine/rule-file-schema';

export interface RuleDirectoryWatcherOptions {
  dir: string;
  /** Quiet time after the last change before reloading: editors write in several steps. */
  debounceMs: number;
  logger: Logger;
  onChange: () => void;
}

/**
 * Watches a rule directory and its tests/ sub-directory, and calls onChange once things have been
 * quiet for debounceMs. Watching directories (not files) catches editors that write a temporary
 * file and rename it over the original.
 */
export function watchRuleDirectory(options: RuleDirectoryWatcherOptions): { close(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      options.onChange();
    }, options.debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of [options.dir, join(options.dir, TESTS_DIR)]) {
    if (!existsSync(dir)) continue;
    const watcher = watch(dir, { persistent: false }, changed);
    watcher.on('error', (error) =>
      options.logger.error({ err: error, dir }, 'rule watcher failed'),
    );
    watchers.push(watcher);
  }
  return {
    close: () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
