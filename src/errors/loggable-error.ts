/** What of an unexpected error may reach a log line. */
export interface LoggableError {
  type: string;
  code?: string;
  /** Stack frames only: code locations, no message. */
  stack?: string;
}

/**
 * An error reduced to its type, code and stack frames. Messages are left out on purpose: a
 * parser's or HTTP client's message can quote the input (an email in a URL, a line of a body),
 * and logs must never carry personal data.
 */
export function loggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}
