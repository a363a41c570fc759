import { z } from 'zod';

const region = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as US');

/** Every environment variable the service reads. Documented in the README's table. */
const EnvSchema = z.object({
  /** TCP port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface to bind. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Directory holding *.rules.json, policy.json and optional conditions.json. */
  RULES_DIR: z.string().min(1).default('rules'),
  /** Watch RULES_DIR and reload a changed rule set that validates and passes its tests. */
  RULES_WATCH: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Quiet time after the last change in RULES_DIR before reloading, in ms. */
  RULES_RELOAD_DEBOUNCE_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** Optional file of existing customers' identifiers, one a line (plain, sha256: or hmac-sha256:). */
  CUSTOMERS_FILE: z.string().min(1).optional(),
  /** Secret for hmac-sha256: lines in CUSTOMERS_FILE. */
  CUSTOMER_HASH_KEY: z.string().min(16, 'at least 16 characters').optional(),
  /** Region used to read phone numbers written without a country code. */
  DEFAULT_PHONE_REGION: region.default('US'),
  /** Time budget of one decision in ms; lookups still running then count as timeouts. */
  SCORE_DEADLINE_MS: z.coerce.number().int().min(50).max(60_000).default(1500),
  /** Score prospects whom no customer-match source could check (off: answer "unverified"). */
  SCORE_UNVERIFIED: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Port of the bundled sandbox sources started with the service, or "off". */
  SANDBOX_PORT: z
    .union([z.literal('off'), z.coerce.number().int().min(1).max(65535)])
    .default(4010),
  /** Records of one batch request scored at once. */
  BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  /** Records of all batch requests scored at once, so bulk work leaves room for signups. */
  BATCH_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(64),
  /** How long a batch answer is kept for a retry with the same Idempotency-Key. */
  IDEMPOTENCY_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(86_400),
  /** Memory for kept batch answers (NDJSON ones gzip-compressed), in MB; the oldest go first. */
  IDEMPOTENCY_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(32),
  /**
   * Memory for each lookup source's answer cache, in MB: the least recently used answers are
   * forgotten first once it is full, even below the source's cache.maxEntries.
   */
  LOOKUP_CACHE_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(16),
  /**
   * On SIGTERM/SIGINT: how long streaming (NDJSON) batches may go on before they are ended with a
   * "shutting down" line, in ms. Other requests in flight are always let finish.
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** On SIGTERM/SIGINT: the hard limit, in ms, after which the process exits even with work left. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(900_000).default(30_000),
  /** Also export Node process metrics (CPU, memory, event loop lag, GC) at /metrics. */
  METRICS_PROCESS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `production` refuses to start without API keys. */
  NODE_ENV: z.string().optional(),
  /** JSON file of API clients and their key digests (see README, "API keys"). */
  API_KEYS_FILE: z.string().min(1).optional(),
  /** The same JSON inline, for platforms that pass secrets as variables. */
  API_KEYS: z.string().min(1).optional(),
  /** Secret the key digests are HMACs with; needed whenever keys are configured. */
  API_KEY_PEPPER: z.string().min(32, 'at least 32 characters').optional(),
  /** Who may read /metrics: `admin` keys only, or anyone who can reach the port. */
  METRICS_ACCESS: z.enum(['admin', 'open']).default('admin'),
  /** Reverse proxies (hops) in front of the service whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Requests per minute per API client, unless its keys-file entry says otherwise. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Requests per minute per publishable client and client IP. */
  RATE_LIMIT_PUBLISHABLE_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Longest time to receive a whole request (an NDJSON batch upload included), in ms. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  /** Longest time to receive a request's headers, in ms (slow-header attacks). */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(20_000),
  /** How long an idle keep-alive connection stays open, in ms (above the load balancer's). */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(5000),
});

/** Rules across variables: where API keys come from, and no open service in production. */
const CheckedEnvSchema = EnvSchema.superRefine((env, ctx) => {
  const keys = env.API_KEYS_FILE !== undefined || env.API_KEYS !== undefined;
  const problem = (variable: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message });
  if (env.API_KEYS_FILE !== undefined && env.API_KEYS !== undefined) {
    problem('API_KEYS', 'set API_KEYS or API_KEYS_FILE, not both');
  }
  if (keys && env.API_KEY_PEPPER === undefined) {
    problem('API_KEY_PEPPER', 'required when API keys are configured');
  }
  if (!keys && env.NODE_ENV === 'production') {
    problem(
      'API_KEYS_FILE',
      'required when NODE_ENV=production (or API_KEYS): the service will not run open in production',
    );
  }
});

export type Config = Readonly<z.output<typeof EnvSchema>>;

/** Names of every variable read, for documentation checks. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads configuration once; a bad value stops start-up and names the variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable means "unset", as shells and orchestrators often write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = CheckedEnvSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return Object.freeze(result.data);
}
