import type { Logger } from '../../domain/ports';

/**
 * The service's logger for a one-off run: warnings and errors (a customers file line skipped, a
 * rule watcher failure) as readable lines; info is the server's chatter and is dropped.
 */
export function lineLogger(writeLine: (line: string) => void): Logger {
  const log = (level: string) => (obj: object, msg?: string) => {
    const details = Object.entries(obj)
      .map(
        ([key, value]) =>
          `${key}=${value instanceof Error ? value.message : JSON.stringify(value)}`,
      )
      .join(' ');
    writeLine(`enrich: ${level}: ${msg ?? ''}${details === '' ? '' : ` (${details})`}`);
  };
  return { info: () => undefined, warn: log('warning'), error: log('error') };
}
