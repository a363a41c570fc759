import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import { PHONE_TYPES } from './signal-values';
import type { PhoneType } from './signal-values';

/** What the phone signals need from a number, independent of the parsing library. */
export interface ParsedPhone {
  valid: boolean;
  type: PhoneType;
  /** ISO 3166-1 alpha-2, or null unless the number is valid. */
  country: string | null;
}

const UNPARSABLE: ParsedPhone = { valid: false, type: 'unknown', country: null };
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
 * country by construction.
 */
export function parseProspectPhone(phone: string, region: CountryCode | undefined): ParsedPhone {
  try {
    const parsed = parsePhoneNumberFromString(phone, region);
    if (parsed === undefined || !parsed.isValid()) return UNPARSABLE;
    return {
      valid: true,
      type: phoneTypeOf(parsed.getType()),
      country: parsed.country ?? null,
    };
  } catch {
    return UNPARSABLE;
  }
}

function phoneTypeOf(libraryType: string | undefined): PhoneType {
  // libphonenumber says FIXED_LINE_OR_MOBILE etc.; rules are written in lower snake case.
  const type = libraryType?.toLowerCase();
  return type !== undefined && isPhoneType(type) ? type : 'unknown';
}
