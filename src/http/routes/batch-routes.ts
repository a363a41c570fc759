import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { BatchTally } from '../../domain/batch/batch-summary';
import {
  scoreBatch,
  scoreRecords,
  type BatchItem,
  type BatchOptions,
  type BatchRecord,
  type RecordError,
  type WorkLimiter,
} from '../../domain/batch/score-batch';
import type { Logger } from '../../domain/ports';
import type { ScoringDeps } from '../../domain/score-prospect';
import { problemType, ERROR_CODES } from '../../errors/error-codes';
import { loggableError } from '../../errors/loggable-error';
import { JsonBatchSchema, parseBatchRecord, recordError, refOf } from '../batch-records';
import {
  fingerprintOf,
  idempotencyKeyOf,
  settleKnownKey,
  type IdempotencyStore,
  type StoredResponse,
} from '../idempotency';
import { GzipCollector, gunzipText } from '../gzip-collector';
import { jsonBody } from '../middleware/json-body';
import { NdjsonLineSplitter, type NdjsonLine } from '../ndjson-lines';
import { parseInput } from '../parse-input';
import { presentDecision } from '../present-decision';
import { splitRequest } from '../request-schemas';
import type { ServiceLifecycle } from '../service-lifecycle';

const NDJSON = 'application/x-ndjson';
const MAX_NDJSON_LINE_BYTES = 100 * 1024;
/** Largest NDJSON answer (compressed) kept for idempotent replay; a larger one is not replayable. */
const MAX_REPLAYABLE_BYTES = 16 * 1024 * 1024;

export interface BatchRouteDeps {
  scoring: ScoringDeps;
  logger: Logger;
  idempotency: IdempotencyStore;
  /** Records of one batch request in flight at once. */
  concurrency: number;
  /** Records of all batch requests in flight at once, leaving room for signup traffic. */
  shared: WorkLimiter;
  /** Its stream deadline ends NDJSON streams when the server shuts down. */
  lifecycle?: ServiceLifecycle;
}

export function batchRoutes(deps: BatchRouteDeps): Router {
  const router = Router();
  const batchOptions = (req: Request): BatchOptions => ({
    parse: parseBatchRecord,
    concurrency: deps.concurrency,
    shared: deps.shared,
    options: splitRequest({}, { cacheControl: req.get('cache-control') }).options,
    onUnexpected: (error, record) => {
      deps.logger.error(
        {
          error: loggableError(error),
          requestId: req.res?.getHeader('x-request-id'),
          position: record.position,
        },
        'batch record failed',
      );
      return recordError(
        'internal_error',
        'This record could not be scored; quote the request id.',
      );
    },
  });

  const ndjsonOnly: RequestHandler = (req, _res, next) => {
    next(req.is(NDJSON) ? undefined : 'route');
  };
  router.post('/v1/score/batch', ndjsonOnly, async (req, res) => {
    const key = idempotencyKeyOf(req, 'batch:ndjson');
    const known = key === undefined ? undefined : deps.idempotency.get(key);
    if (key !== undefined && known !== undefined) {
      await sendStored(res, settleKnownKey(known, await bodyDigest(req)), true);
      return;
    }
    if (key !== undefined) deps.idempotency.begin(key, 'in-progress');
    const hash = createHash('sha256');
    const kept = key === undefined ? undefined : new GzipCollector();
    res.status(200).type(NDJSON);
    const write = async (value: unknown) => {
      const line = `${JSON.stringify(value)}\n`;
      if (kept !== undefined && kept.bytes <= MAX_REPLAYABLE_BYTES) kept.write(line);
      if (!res.write(line)) await once(res, 'drain');
    };
    const tally = new BatchTally();
    const input = req.pipe(hashing(hash)).pipe(new NdjsonLineSplitter(MAX_NDJSON_LINE_BYTES));
    const stop = stopSignal(deps.lifecycle?.streamDeadline);
    try {
      for await (const item of scoreRecords(
        deps.scoring,
        untilStopped(ndjsonRecords(input), stop),
        batchOptions(req),
      )) {
        if (res.destroyed) break;
        tally.add(item);
        await write(presentItem(item, 'line'));
      }
      await write({ summary: tally.result() });
      if (stop.stopped) {
        // Records already read were answered above; the caller resends from after the last line.
        input.destroy();
        await write({ error: problemOf(SHUTTING_DOWN) });
      }
      // Kept before the answer ends: a client that retries as soon as it has read the last line
      // must find the answer stored, not the key still in progress (409).
      if (key !== undefined && kept !== undefined) {
        if (kept.bytes <= MAX_REPLAYABLE_BYTES && !res.destroyed && !stop.stopped) {
          const body = await kept.finish();
          deps.idempotency.complete(key, hash.digest('hex'), {
            status: 200,
            contentType: NDJSON,
            body,
          });
        } else {
          kept.discard();
          deps.idempotency.abandon(key);
        }
      }
      res.end();
    } catch (error) {
      kept?.discard();
      if (key !== undefined) deps.idempotency.abandon(key);
      input.destroy();
      deps.logger.error(
        { error: loggableError(error), requestId: res.getHeader('x-request-id') },
        'batch stream failed',
      );
      if (!res.writableEnded)
        res.end(
          `${JSON.stringify({ error: problemOf(recordError('internal_error', 'The stream failed; quote the request id.')) })}\n`,
        );
    } finally {
      stop.dispose();
    }
  });

  router.post(
    '/v1/score/batch',
    jsonBody({ limit: 8 * 1024 * 1024, maxDepth: 24, screen: false }),
    async (req, res) => {
      const key = idempotencyKeyOf(req, 'batch:json');
      const fingerprint = fingerprintOf('application/json', JSON.stringify(req.body ?? null));
      const known = key === undefined ? undefined : deps.idempotency.get(key);
      if (known !== undefined) {
        await sendStored(res, settleKnownKey(known, fingerprint), true);
        return;
      }
      const { prospects } = parseInput(JsonBatchSchema, req.body);
      if (key !== undefined) deps.idempotency.begin(key, fingerprint);
      try {
        const records: BatchRecord[] = prospects.map((input, position) => ({
          position,
          input,
          ...withRef(refOf(input)),
        }));
        const items = await scoreBatch(deps.scoring, records, batchOptions(req));
        const tally = new BatchTally();
        for (const item of items) tally.add(item);
        const stored: StoredResponse = {
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            results: items.map((item) => presentItem(item, 'index')),
            summary: tally.result(),
          }),
        };
        if (key !== undefined) deps.idempotency.complete(key, fingerprint, stored);
        await sendStored(res, stored, false);
      } catch (error) {
        if (key !== undefined) deps.idempotency.abandon(key);
        throw error;
      }
    },
  );
  return router;
}

async function* ndjsonRecords(lines: AsyncIterable<NdjsonLine>): AsyncGenerator<BatchRecord> {
  for await (const { line, text, tooLong } of lines) {
    if (tooLong) {
      yield {
        position: line,
        input: null,
        unreadable: recordError(
          'payload_too_large',
          `The line is longer than ${MAX_NDJSON_LINE_BYTES} bytes.`,
        ),
      };
      continue;
    }
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      yield {
        position: line,
        input: null,
        unreadable: recordError('malformed_json', 'The line is not valid JSON.'),
      };
      continue;
    }
    yield { position: line, input, ...withRef(refOf(input)) };
  }
}

const SHUTTING_DOWN = recordError(
  'shutting_down',
  'The server is shutting down: the lines answered above are done, the rest were not read; send them again.',
);

interface StopSignal {
  readonly stopped: boolean;
  readonly reached: Promise<void>;
  dispose(): void;
}

/** Follows the shutdown deadline for one stream, and lets go of it when the stream is done. */
function stopSignal(deadline: AbortSignal | undefined): StopSignal {
  let stopped = deadline?.aborted === true;
  let onAbort: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    onAbort = () => {
      stopped = true;
      resolve();
    };
    if (stopped) resolve();
  });
  deadline?.addEventListener('abort', onAbort, { once: true });
  return {
    get stopped() {
      return stopped;
    },
    reached,
    dispose: () => deadline?.removeEventListener('abort', onAbort),
  };
}

/** Yields from `source` until the stop signal; records already yielded still get scored. */
async function* untilStopped<T>(source: AsyncIterable<T>, stop: StopSignal): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const stopped = stop.reached.then(() => 'stopped' as const);
  try {
    while (!stop.stopped) {
      const next = await Promise.race([iterator.next(), stopped]);
      if (next === 'stopped' || next.done === true) return;
      yield next.value;
    }
  } finally {
    // Settles once the input is destroyed; its outcome no longer matters.
    void iterator.return?.().then(undefined, () => undefined);
  }
}

const withRef = (ref: string | undefined) => (ref === undefined ? {} : { ref });

function presentItem(item: BatchItem, positionName: 'index' | 'line'): Record<string, unknown> {
  const head = { [positionName]: item.position, ...withRef(item.ref) };
  return 'error' in item
    ? { ...head, error: problemOf(item.error) }
    : { ...head, result: presentDecision(item.result) };
}

function problemOf(error: RecordError): Record<string, unknown> {
  const code = error.code as keyof typeof ERROR_CODES;
  return {
    type: problemType(code),
    title: ERROR_CODES[code].title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

async function sendStored(res: Response, stored: StoredResponse, replayed: boolean): Promise<void> {
  const body = typeof stored.body === 'string' ? stored.body : await gunzipText(stored.body);
  if (replayed) res.setHeader('idempotent-replayed', 'true');
  res.status(stored.status).type(stored.contentType).send(body);
}

/** Passes bytes through unchanged while hashing them, to fingerprint a streamed body. */
function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/** SHA-256 of a streamed body, read in constant memory (an NDJSON body has no size limit). */
async function bodyDigest(req: Request): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of req) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
