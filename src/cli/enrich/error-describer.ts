import type { ColumnMapping } from './resolve-column-mapping';

/** A record's problem as the API reports it (a RecordError, or a problem+json body). */
export interface ProblemLike {
  detail?: string;
  title?: string;
  errors?: ReadonlyArray<{ path: string; message: string }>;
}

export type DescribeError = (problem: ProblemLike) => string;

/**
 * Field errors name the CSV column the value came from ("Work Email: an email address such as
 * jane@acme.com"), since the person reading the output knows their columns, not our JSON paths.
 */
export function errorDescriber(mapping: ColumnMapping): DescribeError {
  const headerOf = new Map(
    mapping.columns.map((column) => [`/${column.field.replace('.', '/')}`, column.header]),
  );
  return (problem) => {
    const detail = problem.detail ?? problem.title ?? 'the row could not be scored';
    const fields = (problem.errors ?? []).map(
      (error) =>
        `${headerOf.get(error.path) ?? error.path.slice(1).replace(/\//g, '.')}: ${error.message}`,
    );
    return fields.length === 0 ? detail : `${detail} ${fields.join('; ')}`;
  };
}
