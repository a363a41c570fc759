import type { ColumnMapping } from './resolve-column-mapping';
import { parseEmployeeCount } from './parse-employee-count';
import { toCompanyDomain } from './to-company-domain';
import { toCountryCode } from './to-country-code';

export interface ProspectInputOptions {
  /** `source` for rows whose own source cell is empty. */
  defaultSource?: string;
  /** Told about each non-empty value that was left out because it could not be read. */
  onIgnored?: (header: string) => void;
}

/**
 * One CSV row as a batch record (a /v1/score body plus `ref`). Only mapped columns are sent and
 * empty cells are left out, so the API sees "not given" rather than an empty string.
 */
export function toProspectInput(
  row: number,
  cells: readonly string[],
  mapping: ColumnMapping,
  options: ProspectInputOptions = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = { ref: String(row) };
  const company: Record<string, unknown> = {};
  for (const { field, index, header } of mapping.columns) {
    const text = (cells[index] ?? '').trim();
    if (text === '') continue;
    let value: string | number | undefined = text;
    if (field === 'company.employees') value = parseEmployeeCount(text);
    else if (field === 'country') value = toCountryCode(text);
    else if (field === 'company.domain') value = toCompanyDomain(text);
    if (value === undefined) {
      options.onIgnored?.(header);
      continue;
    }
    if (field.startsWith('company.')) company[field.slice('company.'.length)] = value;
    else input[field] = value;
  }
  if (input.source === undefined && options.defaultSource !== undefined) {
    input.source = options.defaultSource;
  }
  if (Object.keys(company).length > 0) input.company = company;
  return input;
}
