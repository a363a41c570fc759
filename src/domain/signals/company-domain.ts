/**
 * A company domain as people type it ("https://www.Acme.com/about", "acme.com.", "acme.com:443")
 * reduced to the bare host name, so it can be compared with an email domain. Null when nothing
 * host-like is left.
 */
export function normalizeCompanyDomain(raw: string): string | null {
  const host = raw
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^\/\//, '')
    .split(/[/?#]/, 1)[0]
    ?.replace(/:\d*$/, '')
    .replace(/\.+$/, '')
    .replace(/^www\./, '');
  return host === undefined || host === '' ? null : host;
}

/**
 * True when one domain equals the other or is a sub-domain of it, in either direction: people
 * write to us from eu.acme.com while the company is acme.com, and the reverse (a company entered
 * as shop.acme.com with mail at acme.com) is the same organisation too. Matching on a label
 * boundary keeps notacme.com from matching acme.com.
 */
export function domainsOverlap(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}
