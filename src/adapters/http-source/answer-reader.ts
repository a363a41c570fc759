import { z } from 'zod';
import { parsePath, resolvePath, type PathSegment } from '../../engine/json-path';
import type { SourceDefinition } from '../../engine/source-file-schema';
import { SourceFailure } from './source-failure';

interface CompiledField {
  name: string;
  segments: PathSegment[];
  schema: z.ZodType;
}

/**
 * Turns an upstream JSON answer into the source's named fields. A field that is absent is left
 * out; a field that is present but breaks its schema makes the whole answer malformed, so bad
 * upstream data is that source's error, never a wrong decision.
 */
export function createAnswerReader(definition: SourceDefinition) {
  const fields: CompiledField[] = Object.entries(definition.fields).map(([name, field]) => {
    const segments = parsePath(field.path);
    if (!Array.isArray(segments)) throw new Error(`source ${definition.name}: ${segments.error}`);
    return {
      name,
      segments,
      schema: z.fromJSONSchema(field.schema as Parameters<typeof z.fromJSONSchema>[0]),
    };
  });
  return (body: string): Record<string, unknown> => {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new SourceFailure('error', 'answer is not JSON', false);
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      throw new SourceFailure('error', 'answer is not a JSON object', false);
    }
    const values: Record<string, unknown> = {};
    for (const field of fields) {
      const value = resolvePath(json, field.segments);
      if (value === undefined) continue;
      const parsed = field.schema.safeParse(value);
      if (!parsed.success) {
        throw new SourceFailure('error', `answer field ${field.name} is malformed`, false);
      }
      values[field.name] = parsed.data;
    }
    return values;
  };
}
