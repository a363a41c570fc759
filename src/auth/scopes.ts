/**
 * What a key may do. `score` is the publishable kind (signup forms, browsers); `enrich` and
 * `admin` belong to secret keys kept on servers.
 */
export const SCOPES = ['score', 'enrich', 'admin'] as const;

export type Scope = (typeof SCOPES)[number];

/** A publishable key may only score, so it can sit in a web page; secret keys never can. */
export type KeyKind = 'publishable' | 'secret';

/** The prefix each kind of key starts with, so a leaked key says what it is at a glance. */
export const KEY_PREFIX: Readonly<Record<KeyKind, string>> = { publishable: 'pk', secret: 'sk' };
