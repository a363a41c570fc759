export interface PostBatchOptions {
  url: URL;
  body: string;
  headers: Readonly<Record<string, string>>;
  /** Further attempts after the first, for network errors, timeouts, 429 and 5xx. */
  retries: number;
  baseDelayMs: number;
  timeoutMs: number;
}

export type PostBatchResult = { ok: true; body: unknown } | { ok: false; reason: string };

const MAX_RETRY_AFTER_MS = 30_000;

/**
 * POSTs one batch, retrying what may succeed later. A retry repeats the Idempotency-Key, so a
 * batch the service did score before the connection dropped is answered from its record rather
 * than scored (and paid for) twice. Never throws: the caller turns a failure into error rows.
 */
export async function postBatch(options: PostBatchOptions): Promise<PostBatchResult> {
  let last: string;
  for (let attempt = 0; ; attempt += 1) {
    let retryAfterMs: number | undefined;
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: options.headers,
        body: options.body,
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      if (response.ok) {
        try {
          return { ok: true, body: JSON.parse(text) as unknown };
        } catch {
          return { ok: false, reason: 'the service answered with something other than JSON' };
        }
      }
      const problem = problemOf(text);
      const described = `HTTP ${response.status}${problem.text}`;
      if (!isRetryable(response.status, problem.code)) {
        return { ok: false, reason: `the service refused the batch: ${described}` };
      }
      last = described;
      retryAfterMs = retryAfterOf(response.headers.get('retry-after'));
    } catch (error) {
      last = networkReason(error, options.timeoutMs);
    }
    if (attempt >= options.retries) {
      return {
        ok: false,
        reason: `the service could not be reached after ${attempt + 1} attempts: ${last}`,
      };
    }
    // Full jitter, so two batches failing together do not retry in step.
    const backoff = options.baseDelayMs * 2 ** attempt * (0.5 + Math.random());
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs ?? backoff));
  }
}

function isRetryable(status: number, code: string | undefined): boolean {
  // In progress: our own earlier attempt is still being scored; its answer will be kept.
  return status === 429 || status >= 500 || code === 'idempotency_in_progress';
}

function problemOf(text: string): { code?: string; text: string } {
  try {
    const body = JSON.parse(text) as { code?: unknown; detail?: unknown; title?: unknown };
    const code = typeof body.code === 'string' ? body.code : undefined;
    const detail = typeof body.detail === 'string' ? body.detail : body.title;
    return {
      code,
      text: `${code === undefined ? '' : ` ${code}`}${typeof detail === 'string' ? `: ${detail}` : ''}`,
    };
  } catch {
    return { text: '' };
  }
}

function retryAfterOf(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Math.min(Number(header) * 1000, MAX_RETRY_AFTER_MS);
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  // fetch reports "fetch failed"; what went wrong (ECONNREFUSED, ENOTFOUND...) is its cause.
  const cause =
    error instanceof Error ? (error.cause as { message?: unknown } | undefined) : undefined;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
