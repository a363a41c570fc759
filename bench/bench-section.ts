/** One section of `npm run bench`: a table to print, raw figures for results.json, and targets. */
export interface BenchTarget {
  /** What is compared, e.g. "default rules: service / stock". */
  name: string;
  measured: number;
  limit: number;
  comparison: '>=' | '<=';
  unit: string;
  met: boolean;
}

export interface BenchSection {
  /** Stable key in bench/results.json, e.g. "ruleEvaluation". */
  id: string;
  title: string;
  /** Rows printed as a table (console.table-like). */
  table: Array<Record<string, string | number>>;
  /** Raw figures written to bench/results.json. */
  figures: Record<string, unknown>;
  targets: BenchTarget[];
}

export function target(
  name: string,
  measured: number,
  comparison: '>=' | '<=',
  limit: number,
  unit: string,
): BenchTarget {
  const met = comparison === '>=' ? measured >= limit : measured <= limit;
  return { name, measured, limit, comparison, unit, met };
}
