import { z } from 'zod';
import { SCOPES } from './scopes';

/** Most active keys one client may hold: the current one and its replacement during rotation. */
export const MAX_KEYS_PER_CLIENT = 2;

const KeyEntrySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9]{4,32}$/, '4 to 32 letters and digits'),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'HMAC-SHA256 of the secret in lowercase hex'),
});

const OriginSchema = z
  .string()
  .refine(isOrigin, 'an origin such as https://www.example.com (scheme, host, optional port)');

const ClientSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, '1 to 64 letters, digits, . _ or -'),
    scopes: z.array(z.enum(SCOPES)).min(1, 'at least one scope'),
    origins: z.array(OriginSchema).min(1, 'at least one origin').optional(),
    rateLimit: z
      .strictObject({
        perMinute: z.number().int().min(1).max(1_000_000).optional(),
        perIpPerMinute: z.number().int().min(1).max(1_000_000).optional(),
      })
      .optional(),
    keys: z
      .array(KeyEntrySchema)
      .min(1, 'at least one key')
      .max(
        MAX_KEYS_PER_CLIENT,
        `at most ${MAX_KEYS_PER_CLIENT} active keys (add the new key, move callers, then remove the old)`,
      ),
  })
  .superRefine((client, ctx) => {
    const publishable = client.scopes.includes('score');
    if (publishable && client.scopes.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['scopes'],
        message: 'score (publishable) cannot be combined with enrich or admin',
      });
    }
    if (publishable && client.origins === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['origins'],
        message: 'a publishable (score) client needs its allowed browser origins',
      });
    }
    if (!publishable && client.origins !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['origins'],
        message: 'only publishable (score) clients have origins',
      });
    }
    if (!publishable && client.rateLimit?.perIpPerMinute !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rateLimit', 'perIpPerMinute'],
        message: 'only publishable (score) clients are limited per IP',
      });
    }
  });

/** The keys file (API_KEYS_FILE) or its inline twin (API_KEYS). */
export const ApiKeysFileSchema = z
  .strictObject({ clients: z.array(ClientSchema).min(1, 'at least one client') })
  .superRefine(({ clients }, ctx) => {
    const names = new Set<string>();
    const ids = new Set<string>();
    clients.forEach((client, c) => {
      if (names.has(client.name)) {
        ctx.addIssue({ code: 'custom', path: ['clients', c, 'name'], message: 'duplicate name' });
      }
      names.add(client.name);
      client.keys.forEach((key, k) => {
        if (ids.has(key.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['clients', c, 'keys', k, 'id'],
            message: `duplicate key id "${key.id}"`,
          });
        }
        ids.add(key.id);
      });
    });
  });

export type ApiKeysFile = z.output<typeof ApiKeysFileSchema>;
export type ApiClientEntry = ApiKeysFile['clients'][number];

function isOrigin(value: string): boolean {
  if (!/^https?:\/\/[^/\s]+$/.test(value)) return false;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

/**
 * Parses the keys JSON; every problem is named by where it came from (`source`, the variable
 * and file) and its path inside the JSON, e.g. `clients[0].keys[2]`.
 */
export function parseApiKeysFile(
  text: string,
  source: string,
): { ok: true; file: ApiKeysFile } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${source}: invalid JSON (${(error as Error).message})`] };
  }
  const result = ApiKeysFileSchema.safeParse(json);
  if (result.success) return { ok: true, file: result.data };
  return {
    ok: false,
    problems: result.error.issues.map(
      (issue) => `${source}: ${formatPath(issue.path)}: ${issue.message}`,
    ),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
