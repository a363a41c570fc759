import type { z } from 'zod';
import { AppError, toJsonPointer, type FieldError } from '../errors/app-error';
import { withoutPrototypes } from './without-prototypes';

/**
 * Validates input at the edge; every bad field is reported, by JSON Pointer, in one answer. What
 * passes is handed on as objects without prototypes (see withoutPrototypes).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return withoutPrototypes(result.data);
  const errors = fieldErrorsOf(result.error);
  throw new AppError('validation_failed', `${errors.length} field(s) are invalid.`, errors);
}

/** Every zod issue as a field error located by JSON Pointer. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    // An unknown key is reported at the key itself, so a form can point at the field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: toJsonPointer([...issue.path, key]),
        message: 'unknown field',
      }));
    }
    return [{ path: toJsonPointer(issue.path), message: issue.message }];
  });
}
