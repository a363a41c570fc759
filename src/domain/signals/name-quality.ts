import { looksLikeKeyboardMash } from './keyboard-mash';
import { isPlaceholderName } from './placeholder-names';
import type { NameQuality } from './signal-values';

const DIGIT = /\p{N}/u;
const TRIPLED_CHARACTER = /(\S)\1\1/u;
// Initials are only meaningful in alphabetic scripts; a single Han or Hangul character is often a
// complete, real name (李).
const SINGLE_ALPHABETIC_LETTER = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\.?$/u;

/**
 * Whether the name looks like a real person's. Tuned to let real short and non-Latin names through
 * (Li, Ng, Nguyễn, 李, O'Neil) at the cost of missing some fakes, since wrongly marking a real
 * prospect suspicious costs more than scoring a fake one normally.
 */
export function assessNameQuality(first?: string, last?: string): NameQuality {
  const parts = [first, last]
    .map((part) => part?.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase() ?? '')
    .filter((part) => part !== '');
  if (parts.length === 0) return 'missing';
  return isSuspicious(parts) ? 'suspicious' : 'ok';
}

function isSuspicious(parts: readonly string[]): boolean {
  if (parts.every((part) => SINGLE_ALPHABETIC_LETTER.test(part))) return true;
  if (parts.length === 2 && parts[0] === parts[1]) return true;
  if (isPlaceholderName(parts.join(' '))) return true;
  return parts.some(
    (part) =>
      DIGIT.test(part) ||
      TRIPLED_CHARACTER.test(part) ||
      isPlaceholderName(part) ||
      looksLikeKeyboardMash(part),
  );
}
