import { isLookupInput, type LookupInputName, type LookupInputs } from './lookup-inputs';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const MAX_VALUE_LENGTH = 512;
/** A path segment the URL parser would treat as "." or "..", even percent-encoded. */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

export interface RequestTemplate {
  /** Absolute base: scheme, host, optional port and path prefix; never from user input. */
  baseUrl: string;
  /** Path with `{input}` placeholders, e.g. `/partner/companies/{companyDomain}`. */
  path: string;
  /** Query parameters whose values may hold placeholders. */
  query: Readonly<Record<string, string>>;
}

export type FilledRequest =
  | { ok: true; url: URL }
  /** `missing`: the prospect lacks an input; `unsafe`: a value could alter the request target. */
  | { ok: false; reason: 'missing' | 'unsafe'; inputs: string[] };

/** Problems with a template, for rule-set validation. */
export function checkRequestTemplate(template: RequestTemplate): string[] {
  const problems: string[] = [];
  const base = baseOf(template.baseUrl);
  if (typeof base === 'string') problems.push(base);
  if (!template.path.startsWith('/')) problems.push('path must start with /');
  if (/[?#]/.test(template.path)) problems.push('put query parameters in "query", not in the path');
  for (const name of placeholdersOf(template)) {
    if (!isLookupInput(name)) problems.push(`unknown input {${name}}`);
  }
  return problems;
}

/** Inputs a request cannot be made without: those in its path. */
export function requiredInputsOf(template: RequestTemplate): string[] {
  return [...new Set([...template.path.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

export function placeholdersOf(template: RequestTemplate): string[] {
  const text = [template.path, ...Object.values(template.query)].join(' ');
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/**
 * Fills a template with prospect values so that no value can change the scheme, host, port or
 * path structure: values are percent-encoded per segment, dot segments and over-long values are
 * refused, and the built URL is checked against the template's origin and segment count.
 */
export function fillRequestTemplate(
  template: RequestTemplate,
  inputs: LookupInputs,
): FilledRequest {
  return compileRequestTemplate(template)(inputs);
}

/**
 * fillRequestTemplate with the template's own work (placeholders, base URL, segments) done once,
 * for a source that fills the same template for every decision.
 */
export function compileRequestTemplate(
  template: RequestTemplate,
): (inputs: LookupInputs) => FilledRequest {
  const all = placeholdersOf(template);
  const required = requiredInputsOf(template);
  const query = Object.entries(template.query).map(([key, raw]) => ({
    key,
    raw,
    names: [...raw.matchAll(PLACEHOLDER)].map((match) => match[1] as string),
  }));
  const segments = template.path
    .split('/')
    .slice(1)
    .map((segment) => ({ segment, dotSegment: DOT_SEGMENT.test(segment) }));
  const base = baseOf(template.baseUrl);
  const basePath = typeof base === 'string' ? '' : base.pathname.replace(/\/$/, '');
  const expectedSegments =
    typeof base === 'string'
      ? 0
      : base.pathname.split('/').filter(Boolean).length + segments.length;

  return (inputs) => {
    const has = (name: string) => isLookupInput(name) && inputs[name] !== undefined;
    // Path placeholders are required; a query parameter whose input is missing is left out, so
    // one source can be asked by email, phone or domain, whichever the prospect gave.
    const missing = required.filter((name) => !has(name));
    if (missing.length > 0 || (all.length > 0 && !all.some(has))) {
      return { ok: false, reason: 'missing', inputs: missing.length > 0 ? missing : all };
    }
    if (typeof base === 'string') throw new Error(base);

    let unsafe = false;
    const value = (name: string): string => {
      const raw = inputs[name as LookupInputName] as string;
      // Control characters (CR, LF, NUL) never belong in an identifier and could split a request.
      // eslint-disable-next-line no-control-regex
      if (raw === '' || raw.length > MAX_VALUE_LENGTH || /[\u0000-\u001f\u007f]/.test(raw)) {
        unsafe = true;
      }
      return raw;
    };
    const filledSegments = segments.map(({ segment, dotSegment }) => {
      const filled = segment.replace(PLACEHOLDER, (_, name: string) =>
        encodeURIComponent(value(name)),
      );
      if (DOT_SEGMENT.test(filled) && !dotSegment) unsafe = true;
      return filled;
    });
    const params = new URLSearchParams();
    for (const { key, raw, names } of query) {
      if (names.every(has)) {
        params.append(
          key,
          raw.replace(PLACEHOLDER, (_, name: string) => value(name)),
        );
      }
    }
    const url = new URL(base.href);
    url.pathname = `${basePath}/${filledSegments.join('/')}`;
    // One serialisation for all parameters (appending to url.searchParams re-serialises each time).
    url.search = params.toString();
    if (
      unsafe ||
      url.origin !== base.origin ||
      url.pathname.split('/').length - 1 !== expectedSegments ||
      url.username !== '' ||
      url.hash !== ''
    ) {
      return { ok: false, reason: 'unsafe', inputs: all };
    }
    return { ok: true, url };
  };
}

function baseOf(baseUrl: string): URL | string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'baseUrl must be http or https';
  if (url.username !== '' || url.password !== '') return 'baseUrl must not carry credentials';
  if (url.search !== '' || url.hash !== '') return 'baseUrl must not have a query or fragment';
  return url;
}
