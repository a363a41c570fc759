import type { Request } from 'express';

/** A query parameter given exactly once and not blank; repeated or empty counts as absent. */
export function singleQuery(req: Request, name: string): string | undefined {
  const value: unknown = req.query[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
