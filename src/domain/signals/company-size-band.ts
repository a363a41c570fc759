import type { CompanySizeBand } from './signal-values';

// Upper bounds, inclusive; anything above the last is '10001+'. A company of 0 employees is a
// founder not yet on payroll, which behaves like the smallest band rather than "unknown".
const BANDS: readonly (readonly [number, CompanySizeBand])[] = [
  [10, '1-10'],
  [50, '11-50'],
  [200, '51-200'],
  [500, '201-500'],
  [1000, '501-1000'],
  [5000, '1001-5000'],
  [10000, '5001-10000'],
];

/** The size band for a head count, or null when the head count is absent or not a count. */
export function companySizeBand(employees?: number): CompanySizeBand | null {
  if (employees === undefined || !Number.isFinite(employees) || employees < 0) return null;
  const band = BANDS.find(([max]) => employees <= max);
  return band === undefined ? '10001+' : band[1];
}
