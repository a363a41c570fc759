/**
 * The run cannot start (or go on) as asked: a bad option, an unreadable or malformed input, a
 * rule set that does not load. Reported in one line, exit code 2.
 */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}
