#!/usr/bin/env node
import { runEnrich } from './enrich/run-enrich';

/*
 * The `prospect-scorer` command (package.json "bin"): bulk tools for ops that use the service's
 * own code. Subcommands:
 *   prospect-scorer enrich leads.csv -o scored.csv
 */

const USAGE = `usage: prospect-scorer <command> [options]

commands:
  enrich FILE   score every row of a CSV export and write it back with the results

Run "prospect-scorer enrich --help" for its options.
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'enrich') {
    return runEnrich(rest, {
      // Sources name their base-URL and secret variables, and CUSTOMERS_FILE and the API key
      // come from here too: a CLI's configuration is its environment, as the server's is.
      env: process.env,
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      stderrIsTTY: process.stderr.isTTY === true,
    });
  }
  process.stderr.write(
    `${command === undefined ? 'no command given' : `unknown command ${command}`}\n${USAGE}`,
  );
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a usage problem: the stack is what a bug report needs.
    process.stderr.write(
      `prospect-scorer: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
