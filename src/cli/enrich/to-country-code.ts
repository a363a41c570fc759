import countries from 'i18n-iso-countries';

/**
 * CRM exports hold countries as codes or as names; the API takes ISO 3166-1 alpha-2 codes.
 * Names are read in English ("United States", "Germany"), alpha-3 codes ("DEU") too. Anything
 * else is sent as written, so the row fails with the API's own message instead of being scored
 * as if it had no country.
 */
export function toCountryCode(value: string): string {
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  const byName = countries.getAlpha2Code(value, 'en');
  if (byName !== undefined) return byName;
  if (/^[A-Za-z]{3}$/.test(value)) return countries.alpha3ToAlpha2(value.toUpperCase()) ?? value;
  return value;
}
