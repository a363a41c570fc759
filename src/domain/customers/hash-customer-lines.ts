import type { CustomerLineProblem } from './customer-index';
import { hashIdentifier } from './hash-identifier';
import type { HashAlgorithm } from './normalize-identifier';
import { parseIdentifierLine } from './parse-identifier-line';

export interface HashCustomerLinesOptions {
  /** With a key the output is `hmac-sha256:` lines; without, bare (dictionary-reversible) sha256. */
  hashKey?: string;
  defaultPhoneRegion: string;
}

export interface HashedCustomerLines {
  algorithm: HashAlgorithm;
  lines: string[];
  problems: CustomerLineProblem[];
}

/**
 * Turns a plain customer export into lines a CustomerIndex reads the same way, so the file on
 * the server holds no readable personal data. Each value is normalized exactly as the index
 * normalizes prospects, otherwise the hashes would never meet. Lines the index would reject
 * (free mail domains, unparsable values) are reported here, before anyone ships the file.
 */
export function hashCustomerLines(
  lines: Iterable<string>,
  options: HashCustomerLinesOptions,
): HashedCustomerLines {
  const hashKey = options.hashKey === '' ? undefined : options.hashKey;
  const algorithm: HashAlgorithm = hashKey === undefined ? 'sha256' : 'hmac-sha256';
  const output: string[] = [];
  const problems: CustomerLineProblem[] = [];
  let lineNumber = 0;
  for (const line of lines) {
    lineNumber += 1;
    const parsed = parseIdentifierLine(line, options.defaultPhoneRegion);
    switch (parsed.kind) {
      case 'ignored':
        break;
      case 'problem':
        problems.push({ line: lineNumber, message: parsed.message });
        break;
      case 'hashed':
        output.push(`${parsed.algorithm}:${parsed.hex}`);
        break;
      case 'plain':
        output.push(hashIdentifier(algorithm, parsed.value, hashKey));
        break;
    }
  }
  return { algorithm, lines: output, problems };
}
