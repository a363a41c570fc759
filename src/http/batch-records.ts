import { z } from 'zod';
import type { ParsedRecord, RecordError } from '../domain/batch/score-batch';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes';
import { screenJson } from './middleware/json-body';
import { fieldErrorsOf } from './parse-input';
import { ScoreRequestSchema, splitRequest } from './request-schemas';
import { withoutPrototypes } from './without-prototypes';

/** Most records in one application/json batch; NDJSON streams have no limit. */
export const MAX_JSON_BATCH = 1000;
const MAX_RECORD_DEPTH = 16;

/** One batch record: exactly a /v1/score body (its `ref` comes back with the result). */
export { ScoreRequestSchema as BatchRecordSchema } from './request-schemas';

export const JsonBatchSchema = z.strictObject({
  prospects: z.array(z.unknown()).min(1).max(MAX_JSON_BATCH, `at most ${MAX_JSON_BATCH} records`),
});

export function recordError(
  code: ErrorCode,
  detail: string,
  errors?: RecordError['errors'],
): RecordError {
  return { code, status: ERROR_CODES[code].status, detail, ...(errors ? { errors } : {}) };
}

/** The caller's reference of a raw record, if it has a usable one (even when the rest is bad). */
export function refOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const ref = (input as { ref?: unknown }).ref;
  return typeof ref === 'string' && ref.length > 0 && ref.length <= 200 ? ref : undefined;
}

/** Validates one record on its own, so a bad record is that record's error and no one else's. */
export function parseBatchRecord(input: unknown): ParsedRecord {
  const { forbidden, tooDeep } = screenJson(input, MAX_RECORD_DEPTH);
  if (forbidden.length > 0) {
    return {
      ok: false,
      error: recordError('forbidden_key', 'The record uses reserved keys.', forbidden),
    };
  }
  if (tooDeep.length > 0) {
    return {
      ok: false,
      error: recordError('validation_failed', 'The record nests too deeply.', tooDeep),
    };
  }
  const result = ScoreRequestSchema.safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsOf(result.error);
    return {
      ok: false,
      error: recordError('validation_failed', `${errors.length} field(s) are invalid.`, errors),
    };
  }
  return { ok: true, ...splitRequest(withoutPrototypes(result.data), {}) };
}
