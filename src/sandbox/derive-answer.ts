import { createHash } from 'node:crypto';
import {
  COUNTRIES,
  INDUSTRIES,
  type SandboxCompany,
  type SandboxCreditReport,
} from './sandbox-data';

/**
 * Answers for identities nobody documented: derived from a SHA-256 of the input, so any domain
 * or email gets a plausible answer that is identical on every call, run and machine.
 */
export function deriveCompany(domain: string): SandboxCompany {
  const hash = digest(domain);
  const [firstLabel = domain] = domain.split('.');
  return {
    domain,
    name: firstLabel.split('-').filter(Boolean).map(capitalise).join(' ') || domain,
    employees: (hash.readUInt32BE(0) % 20000) + 1,
    industry: pick(INDUSTRIES, hash.readUInt8(4)),
    country: pick(COUNTRIES, hash.readUInt8(5)),
    founded: 1950 + (hash.readUInt8(6) % 74),
  };
}

export function deriveCreditReport(email: string): SandboxCreditReport {
  const hash = digest(email);
  return {
    score: 300 + (hash.readUInt16BE(0) % 551),
    // Mostly clean files, like a real population: about 1 in 16 has a bankruptcy.
    bankruptcies: hash.readUInt8(2) % 16 === 0 ? 1 : 0,
    delinquencies: hash.readUInt8(3) % 5,
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function pick<T>(pool: readonly T[], index: number): T {
  const item = pool[index % pool.length];
  if (item === undefined) throw new Error('cannot pick from an empty pool');
  return item;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
