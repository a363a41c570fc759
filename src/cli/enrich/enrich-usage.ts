import { DEFAULT_COLUMN_NAMES, PROSPECT_FIELDS } from './default-column-names';

const columnList = PROSPECT_FIELDS.map(
  (field) => `  ${field.padEnd(18)} ${DEFAULT_COLUMN_NAMES[field].join(', ')}`,
).join('\n');

export const ENRICH_USAGE = `usage: prospect-scorer enrich [options] FILE

Scores every row of a CSV export (FILE, or - for stdin) and writes the file back with
score, tier, decision, reasons, status and error columns added. Progress and a summary go
to stderr.

options:
  -o, --output FILE        write the scored CSV to FILE (default, or -: stdout)
  --map FIELD=HEADER       read FIELD from the column HEADER (repeatable);
                           FIELD= sends no FIELD at all
  --default-source VALUE   source for rows that have none, e.g. trade_show
  --url URL                score with the service running at URL (POST /v1/score/batch);
                           sends PROSPECT_SCORER_API_KEY as a Bearer token when set
  --rules DIR              in-process only: rules directory (default: ./rules, else the
                           rules this package ships)
  --no-sandbox             in-process only: call the lookup sources sources.json and the
                           environment configure, instead of the bundled sandbox
  --delimiter CHAR         field separator of the input and the output (default ,)
  --no-progress            no progress output (the summary is still printed)
  -h, --help               show this help

Columns read by default (case, spaces and punctuation ignored; the first found wins):
${columnList}
Other columns are not sent; every input column is kept in the output. Empty cells are
not sent. Countries may be ISO codes or English names ("United States"); head counts are
whole numbers ("1,200"), anything else there ("51-200") is left out.

Exit status: 0 done (some rows may have failed: see the error column), 1 no row could
be scored, 2 bad option, unreadable input or a rule set that does not load.
`;
