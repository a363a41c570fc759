import { createHash } from 'node:crypto';
import { BatchResponseSchema } from './batch-response-schema';
import type { DescribeError } from './error-describer';
import { outcomeOfDecision } from './outcome-of-decision';
import { postBatch } from './post-batch';
import { failedOutcome, type PreparedRow, type RowOutcome, type ScoredRow } from './row-outcome';
import type { RowScorer } from './row-scorer';

/** Records per request: a fifth of the service's per-request limit, small enough to retry. */
const CHUNK_SIZE = 200;
/** Requests at once: one being answered while the next is sent, without crowding the service. */
const MAX_IN_FLIGHT = 2;
const RETRIES = 3;
const RETRY_BASE_DELAY_MS = 250;
/** A full chunk of decisions that each wait out a slow lookup takes a while; this is generous. */
const REQUEST_TIMEOUT_MS = 120_000;

export interface HttpScorerOptions {
  /** The service's base URL, e.g. http://localhost:8080 */
  baseUrl: URL;
  /** Sent as a Bearer token when set. */
  apiKey: string | undefined;
  /** The input's absolute path (or "-"), part of each chunk's Idempotency-Key. */
  inputName: string;
  describeError: DescribeError;
}

/** Scores rows by POSTing them in chunks to a running service's /v1/score/batch. */
export function createHttpScorer(options: HttpScorerOptions): RowScorer {
  const base = new URL(options.baseUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const endpoint = new URL('v1/score/batch', base);
  return {
    description: `by the service at ${base.origin}`,
    score: (rows) => scoreChunks(rows, endpoint, options),
    close: () => Promise.resolve(),
  };
}

async function* scoreChunks(
  rows: AsyncIterable<PreparedRow>,
  endpoint: URL,
  options: HttpScorerOptions,
): AsyncGenerator<ScoredRow> {
  // Answers are awaited in the order sent, so rows come out in input order with at most
  // MAX_IN_FLIGHT chunks held in memory.
  const pending: Array<Promise<ScoredRow[]>> = [];
  let number = 0;
  for await (const chunk of chunksOf(rows, CHUNK_SIZE)) {
    number += 1;
    pending.push(scoreChunk(chunk, number, endpoint, options));
    if (pending.length >= MAX_IN_FLIGHT) {
      const oldest = pending.shift();
      if (oldest !== undefined) yield* await oldest;
    }
  }
  for (const answer of pending) yield* await answer;
}

async function* chunksOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Never rejects: whatever goes wrong becomes an error row, and the run goes on. */
async function scoreChunk(
  chunk: readonly PreparedRow[],
  number: number,
  endpoint: URL,
  options: HttpScorerOptions,
): Promise<ScoredRow[]> {
  const outcomes = new Map<number, RowOutcome>();
  const sent: Array<Extract<PreparedRow, { input: unknown }>> = [];
  for (const row of chunk) {
    if ('problem' in row) outcomes.set(row.row, failedOutcome(row.problem));
    else sent.push(row);
  }
  if (sent.length > 0) {
    try {
      await scoreRemotely(sent, number, endpoint, options, outcomes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const row of sent) outcomes.set(row.row, failedOutcome(reason));
    }
  }
  return chunk.map((row) => ({
    row: row.row,
    cells: row.cells,
    outcome: outcomes.get(row.row) ?? failedOutcome('the service did not return this row'),
  }));
}

async function scoreRemotely(
  sent: ReadonlyArray<Extract<PreparedRow, { input: unknown }>>,
  number: number,
  endpoint: URL,
  options: HttpScorerOptions,
  outcomes: Map<number, RowOutcome>,
): Promise<void> {
  const body = JSON.stringify({ prospects: sent.map((row) => row.input) });
  const idempotencyKey = createHash('sha256')
    .update(`${options.inputName}\n${number}\n${body}`)
    .digest('hex');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    'idempotency-key': idempotencyKey,
    'user-agent': 'prospect-scorer-enrich',
  };
  if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;

  const answer = await postBatch({
    url: endpoint,
    body,
    headers,
    retries: RETRIES,
    baseDelayMs: RETRY_BASE_DELAY_MS,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  if (!answer.ok) {
    for (const row of sent) outcomes.set(row.row, failedOutcome(answer.reason));
    return;
  }
  const parsed = BatchResponseSchema.safeParse(answer.body);
  if (!parsed.success) {
    const reason = 'the service gave an answer this tool does not understand';
    for (const row of sent) outcomes.set(row.row, failedOutcome(reason));
    return;
  }
  const byRef = new Map(sent.map((row) => [String(row.row), row]));
  for (const item of parsed.data.results) {
    // The ref is our row number, so it is the safer key if a service ever reorders results.
    const row = (item.ref === undefined ? undefined : byRef.get(item.ref)) ?? sent[item.index];
    if (row === undefined) continue;
    outcomes.set(
      row.row,
      'result' in item
        ? outcomeOfDecision(item.result)
        : failedOutcome(options.describeError(item.error)),
    );
  }
}
