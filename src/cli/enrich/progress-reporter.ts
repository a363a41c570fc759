import type { Writable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import { formatDuration } from './format-duration';
import { formatRate } from './format-rate';
import { plural } from './plural';

export interface ProgressReporter {
  /** One more row written. */
  tick(): void;
  /** A line for the user (a warning) that must not be drawn over by the bar. */
  note(line: string): void;
  /** Prints the final count and leaves the terminal clean for the summary. */
  stop(): void;
}

export interface ProgressOptions {
  stream: Writable;
  /** Draw a live bar (a terminal), rather than print a line every `every` rows (a log). */
  tty: boolean;
  /** Rows in the input, when known beforehand (a file, not a pipe). */
  total: number | undefined;
  every?: number;
  now?: () => number;
}

/**
 * Progress on stderr, so it never mixes with CSV on stdout. A terminal gets a cli-progress bar
 * with rate and ETA (a counter without bar or ETA when the total is unknown); a log file or CI
 * gets a plain line every 1,000 rows, since a redrawn bar would be thousands of lines there.
 */
export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const started = now();
  const every = options.every ?? 1000;
  const { total } = options;
  let count = 0;
  const rate = () => formatRate(count, (now() - started) / 1000);

  if (!options.tty) {
    const line = () => {
      const counted =
        total === undefined ? plural(count, 'row') : `${count} of ${plural(total, 'row')}`;
      options.stream.write(`enrich: ${counted}, ${rate()}\n`);
    };
    return {
      tick: () => {
        count += 1;
        if (count % every === 0) line();
      },
      note: (text) => options.stream.write(`${text}\n`),
      stop: () => {
        if (count % every !== 0 || count === 0) line();
      },
    };
  }

  const bar = new SingleBar({
    stream: options.stream,
    format:
      total === undefined
        ? 'scoring {value} rows | {rate} | {elapsed}'
        : 'scoring {bar} {percentage}% | {value}/{total} rows | {rate} | ETA {eta_formatted}',
    fps: 5,
    etaBuffer: 500,
    hideCursor: false,
    // Its SIGINT handler would stop the bar but keep the process running after Ctrl-C.
    gracefulExit: false,
  });
  const payload = () => ({ rate: rate(), elapsed: formatDuration((now() - started) / 1000) });
  bar.start(total ?? 0, 0, payload());
  return {
    tick: () => {
      count += 1;
      if (total !== undefined && count > bar.getTotal()) bar.setTotal(count);
      bar.update(count, payload());
    },
    note: (text) => {
      // Clear the bar's line, print, and let the next update redraw the bar below.
      options.stream.write(`\r\x1b[K${text}\n`);
      bar.render();
    },
    stop: () => {
      bar.update(count, payload());
      bar.stop();
    },
  };
}
