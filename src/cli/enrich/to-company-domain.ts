/**
 * A Website cell as CRMs hold it. The API takes a bare domain or a full URL, but exports often
 * have a URL without its scheme ("acme.com/", "www.acme.com/about"), which it would refuse; such
 * a value gets the scheme, and the service reduces it to the host as it does any URL.
 */
export function toCompanyDomain(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || !value.includes('/')
    ? value
    : `https://${value}`;
}
