import type { EnrichTally } from './enrich-tally';
import { formatDuration } from './format-duration';
import { formatRate } from './format-rate';
import { plural } from './plural';

export interface SummaryContext {
  elapsedMs: number;
  output: string;
}

/** The end-of-run report for stderr: what was written where, and what each row came to. */
export function formatSummary(tally: EnrichTally, context: SummaryContext): string {
  const seconds = context.elapsedMs / 1000;
  const decisions = [...tally.decisions].map(([name, count]) => `${count} ${name}`).join(', ');
  const lines = [
    `enrich: ${plural(tally.rows, 'row')} in ${formatDuration(seconds)} (${formatRate(tally.rows, seconds)}), written to ${context.output}`,
    `  scored              ${tally.scored}${tally.scored > 0 ? ` (${decisions})` : ''}`,
    `  existing customers  ${tally.existingCustomers} (skipped: not scored)`,
    `  unverified          ${tally.unverified}${tally.unverified > 0 ? ' (not known whether they are customers, so not scored)' : ''}`,
    `  failed              ${tally.errors}${tally.errors > 0 ? ' (see the error column)' : ''}`,
    `  lookups             ${tally.lookups.calls} calls, cost ${formatCost(tally.lookups.cost)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Money to the cent, with two more places only where calls cost fractions of a cent. */
function formatCost(cost: number): string {
  return cost.toFixed(4).replace(/0{1,2}$/, '');
}
