import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Prospect } from '../prospect';
import {
  scoreProspect,
  type ScoreOptions,
  type ScoreResult,
  type ScoringDeps,
} from '../score-prospect';

/** One record of a batch as it arrived: its position, its caller reference, its raw JSON. */
export interface BatchRecord {
  /** 0-based position in a JSON batch, or 1-based line number in an NDJSON stream. */
  position: number;
  ref?: string;
  input: unknown;
  /** Set when the record could not even be read (a malformed or over-long NDJSON line). */
  unreadable?: RecordError;
}

/** Why one record could not be scored: the same problem shape as a failed single request. */
export interface RecordError {
  code: string;
  status: number;
  detail: string;
  errors?: ReadonlyArray<{ path: string; message: string }>;
}

export type ParsedRecord =
  { ok: true; prospect: Prospect; options: ScoreOptions } | { ok: false; error: RecordError };

export type BatchItem =
  | { position: number; ref?: string; result: ScoreResult }
  | { position: number; ref?: string; error: RecordError };

/** Runs work with at most a fixed number of tasks at once, queueing the rest. */
export interface WorkLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export interface BatchOptions {
  /** Validates one record (the transport's schema); a bad record is that record's error. */
  parse: (input: unknown) => ParsedRecord;
  /** Records of this batch in flight at once. */
  concurrency: number;
  /** Shared by all batches, so bulk work leaves room for live signups. */
  shared: WorkLimiter;
  /** Options every record gets (e.g. Cache-Control: no-cache), under its own. */
  options?: ScoreOptions;
  /** Turns an unexpected failure into a record error (and reports it). */
  onUnexpected: (error: unknown, record: BatchRecord) => RecordError;
  /** Longest run of work before the event loop gets a turn, in ms (DEFAULT_SLICE_MS). */
  sliceMs?: number;
}

/**
 * How long a batch may keep the process busy before it lets the event loop turn. Records often
 * need no I/O at all (answers cached, no lookup asked, or a breaker open so every record comes
 * back "unverified" at once), and then the loop below only ever waits on promises that are
 * already settled: a JSON batch or a buffered NDJSON stream would hold the process for seconds.
 * Meanwhile no socket is read, no timer fires and upstream answers wait: signups time out, and
 * the lookups that would close the breaker time out too. Measured: stalls of 3-9 s in
 * 500,000-prospect runs without this.
 */
export const DEFAULT_SLICE_MS = 10;

/**
 * Scores records as they come, at most `concurrency` at a time, and yields each result as soon
 * as it is ready (not in input order). Reading stops while the window is full, so memory is
 * bounded by the window, not by the number of records. One bad record never affects the others.
 */
export async function* scoreRecords(
  deps: ScoringDeps,
  records: AsyncIterable<BatchRecord>,
  batch: BatchOptions,
): AsyncGenerator<BatchItem> {
  const inFlight = new Map<number, Promise<{ id: number; item: BatchItem }>>();
  let nextId = 0;
  const start = (record: BatchRecord) => {
    const id = nextId++;
    inFlight.set(
      id,
      scoreOne(deps, record, batch).then((item) => ({ id, item })),
    );
  };
  const sliceMs = batch.sliceMs ?? DEFAULT_SLICE_MS;
  let sliceStart = performance.now();
  const next = async (): Promise<BatchItem> => {
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
    const { id, item } = await Promise.race(inFlight.values());
    inFlight.delete(id);
    return item;
  };
  for await (const record of records) {
    start(record);
    while (inFlight.size >= batch.concurrency) yield await next();
  }
  while (inFlight.size > 0) yield await next();
}

/** A whole batch, answered in input order. */
export async function scoreBatch(
  deps: ScoringDeps,
  records: readonly BatchRecord[],
  batch: BatchOptions,
): Promise<BatchItem[]> {
  const results: BatchItem[] = new Array(records.length);
  async function* each() {
    yield* records;
  }
  for await (const item of scoreRecords(deps, each(), batch)) results[item.position] = item;
  return results;
}

async function scoreOne(
  deps: ScoringDeps,
  record: BatchRecord,
  batch: BatchOptions,
): Promise<BatchItem> {
  const base =
    record.ref === undefined
      ? { position: record.position }
      : { position: record.position, ref: record.ref };
  if (record.unreadable) return { ...base, error: record.unreadable };
  const parsed = batch.parse(record.input);
  if (!parsed.ok) return { ...base, error: parsed.error };
  try {
    const options = { ...batch.options, ...parsed.options };
    const result = await batch.shared.run(() => scoreProspect(deps, parsed.prospect, options));
    return { ...base, result };
  } catch (error) {
    return { ...base, error: batch.onUnexpected(error, record) };
  }
}
