import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { Prospect } from '../prospect';
import { PHONE_TYPES } from './signal-values';
import type { PhoneType } from './signal-values';

/** What the phone signals need from a number, independent of the parsing library. */
export interface ParsedPhone {
  valid: boolean;
  type: PhoneType;
  /** ISO 3166-1 alpha-2, or null unless the number is valid. */
  country: string | null;
}

/** One reading of a number: what the signals need, and the E.164 form it is matched and looked up by. */
export interface PhoneReading extends ParsedPhone {
  /** E.164 when the number is at least possible (right length for its country), else null. */
  e164: string | null;
}

const UNPARSABLE: PhoneReading = { valid: false, type: 'unknown', country: null, e164: null };
const KNOWN_TYPES: ReadonlySet<string> = new Set(PHONE_TYPES);

function isPhoneType(type: string): type is PhoneType {
  return KNOWN_TYPES.has(type);
}

/**
 * The region used to read a number written without a +country prefix: the prospect's own country
 * when it has one, since that is where a national number was most likely dialled from, else the
 * service default. A declared country the phone metadata does not know (e.g. AQ) gives no hint
 * rather than the default, which would read the number as if it were somewhere else entirely.
 */
export function phoneRegionHint(
  country: string | undefined,
  defaultRegion: string,
): CountryCode | undefined {
  const declared = country?.trim().toUpperCase();
  const region = declared === undefined || declared === '' ? defaultRegion.toUpperCase() : declared;
  return isSupportedCountry(region) ? region : undefined;
}

/**
 * Parses a phone number as typed by a prospect. Never throws: anything unreadable is simply not
 * valid. The country is only reported for valid numbers because, for an unreadable national
 * number, libphonenumber echoes back the region hint, which would then "match" the declared
 * country by construction. The E.164 form needs only a possible number, not a valid one:
 * valid-number metadata lags real allocations and rejects the fictional 555-01xx range that test
 * data uses, while a possible number is still unambiguous.
 *
 * Validity, type and country are worked out on first read: they match the number against every
 * pattern of its country, the costliest part of reading it, and customer matching and lookups
 * only need the E.164 form (a customers file is read number by number at start-up).
 */
export function readPhone(phone: string, region: CountryCode | undefined): PhoneReading {
  const number = neverThrows(() => parsePhoneNumberFromString(phone, region), undefined);
  if (number === undefined) return UNPARSABLE;
  const e164 = neverThrows(() => (number.isPossible() ? number.number : null), null);
  let valid: boolean | undefined;
  let type: PhoneType | undefined;
  // Every library call is guarded: a metadata surprise makes the number invalid, not the decision fail.
  const isValid = () => (valid ??= neverThrows(() => number.isValid(), false));
  return {
    e164,
    get valid() {
      return isValid();
    },
    get type() {
      return (type ??= isValid()
        ? neverThrows(() => phoneTypeOf(number.getType()), 'unknown')
        : 'unknown');
    },
    get country() {
      return isValid() ? (number.country ?? null) : null;
    },
  };
}

const readings = new WeakMap<Prospect, { defaultRegion: string; reading: PhoneReading | null }>();

/**
 * The prospect's phone, read once per prospect however many parts of a decision ask (the customer
 * check, the lookup inputs, the phone signals): parsing is the costliest step of a local decision.
 */
export function prospectPhone(prospect: Prospect, defaultRegion: string): PhoneReading | null {
  const known = readings.get(prospect);
  if (known !== undefined && known.defaultRegion === defaultRegion) return known.reading;
  const phone = prospect.phone?.trim();
  const reading =
    phone === undefined || phone === ''
      ? null
      : readPhone(phone, phoneRegionHint(prospect.country, defaultRegion));
  readings.set(prospect, { defaultRegion, reading });
  return reading;
}

function phoneTypeOf(libraryType: string | undefined): PhoneType {
  // libphonenumber says FIXED_LINE_OR_MOBILE etc.; rules are written in lower snake case.
  const type = libraryType?.toLowerCase();
  return type !== undefined && isPhoneType(type) ? type : 'unknown';
}

function neverThrows<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
