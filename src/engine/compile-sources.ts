import { z } from 'zod';
import { IDENTITY_FIELDS } from '../domain/lookups/identity-fields';
import { LOOKUP_STATUS_FACT } from '../domain/lookups/lookup-status-fact';
import { checkRequestTemplate } from '../domain/lookups/request-template';
import { parsePath } from './json-path';
import { formatJsonPath, type RuleSetProblem } from './rule-set-problem';
import {
  SOURCES_FILE,
  SourceDefinitionSchema,
  SourcesFileSchema,
  type SourceDefinition,
} from './source-file-schema';

export { LOOKUP_STATUS_FACT };

/**
 * Validates sources.json: each source's shape, its request template, its field paths and
 * schemas, and what its kind requires. Returns the valid sources and adds a problem for each
 * fault, so the rule set as a whole can be refused.
 */
export function compileSources(
  json: unknown,
  reservedFacts: ReadonlySet<string>,
  problems: RuleSetProblem[],
): SourceDefinition[] {
  if (json === undefined) return [];
  const report = (path: PropertyKey[], message: string, source?: string) =>
    problems.push({ file: SOURCES_FILE, path: formatJsonPath(path), message, rule: source });
  const file = SourcesFileSchema.safeParse(json);
  if (!file.success) {
    for (const issue of file.error.issues) report(issue.path, issue.message);
    return [];
  }
  const sources: SourceDefinition[] = [];
  const names = new Set<string>();
  file.data.sources.forEach((entry, index) => {
    const parsed = SourceDefinitionSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        report(['sources', index, ...issue.path], issue.message);
      return;
    }
    const source = parsed.data;
    const at = (...path: PropertyKey[]) => ['sources', index, ...path];
    const before = problems.length;
    if (names.has(source.name)) report(at('name'), 'duplicate source name');
    if (reservedFacts.has(source.name) || source.name === LOOKUP_STATUS_FACT) {
      report(at('name'), `"${source.name}" is already a fact name`);
    }
    names.add(source.name);
    for (const message of checkRequestTemplate(source.request)) report(at('request'), message);
    for (const [field, { path, schema }] of Object.entries(source.fields)) {
      const segments = parsePath(path);
      if (!Array.isArray(segments)) report(at('fields', field, 'path'), segments.error);
      try {
        z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
      } catch (error) {
        report(
          at('fields', field, 'schema'),
          `not a usable JSON Schema: ${(error as Error).message}`,
        );
      }
    }
    checkKind(source, (path, message) => report(at(...path), message));
    if (problems.length === before) sources.push(source);
  });
  return sources;
}

function checkKind(
  source: SourceDefinition,
  report: (path: PropertyKey[], message: string) => void,
) {
  const fields = Object.keys(source.fields);
  if (source.kind === 'customer-match') {
    const isCustomer = source.fields.isCustomer;
    if (isCustomer === undefined || isCustomer.schema.type !== 'boolean') {
      report(['fields'], 'a customer-match source needs an "isCustomer" field of type boolean');
    }
  }
  if (source.kind === 'identity') {
    for (const field of fields) {
      if (!(IDENTITY_FIELDS as readonly string[]).includes(field)) {
        report(['fields', field], `identity fields are ${IDENTITY_FIELDS.join(', ')}`);
      }
    }
  }
}
