import {
  DEFAULT_COLUMN_NAMES,
  PROSPECT_FIELDS,
  normalizeHeader,
  type ProspectField,
} from './default-column-names';
import { UsageError } from './usage-error';

export interface MappedColumn {
  field: ProspectField;
  /** Position of the column in the header. */
  index: number;
  header: string;
}

export interface ColumnMapping {
  /** In PROSPECT_FIELDS order. */
  columns: readonly MappedColumn[];
  /** Headers of the columns that are not sent (they only pass through to the output). */
  unused: readonly string[];
}

/**
 * Decides which column fills which prospect field: `--map` choices first (`null` leaves the
 * field out), then the default names. A `--map` naming a missing column is a usage error, since
 * scoring the file without it would quietly ignore what the user asked for.
 */
export function resolveColumnMapping(
  header: readonly string[],
  overrides: ReadonlyMap<ProspectField, string | null>,
): ColumnMapping {
  const normalized = header.map(normalizeHeader);
  const columns: MappedColumn[] = [];
  for (const field of PROSPECT_FIELDS) {
    const override = overrides.get(field);
    let index: number;
    if (override === null) continue;
    if (override !== undefined) {
      index = findHeader(header, normalized, override);
      if (index < 0) {
        throw new UsageError(
          `--map ${field}=${override}: the file has no column "${override}" ` +
            `(its columns: ${header.join(', ')})`,
        );
      }
    } else {
      const names: readonly string[] = DEFAULT_COLUMN_NAMES[field];
      index = -1;
      for (const name of names) {
        index = normalized.indexOf(normalizeHeader(name));
        if (index >= 0) break;
      }
      if (index < 0) continue;
    }
    columns.push({ field, index, header: header[index] as string });
  }
  const used = new Set(columns.map((column) => column.index));
  return { columns, unused: header.filter((_, index) => !used.has(index)) };
}

/** The exact header if there is one, else the one that differs only in case and spacing. */
function findHeader(header: readonly string[], normalized: readonly string[], name: string) {
  const exact = header.indexOf(name);
  return exact >= 0 ? exact : normalized.indexOf(normalizeHeader(name));
}
