import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosInstance, isAxiosError } from 'axios';
import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  bulkhead,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  retry,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import { LRUCache } from 'lru-cache';
import type { LookupInputs } from '../../domain/lookups/lookup-inputs';
import type {
  FetchOptions,
  LookupSource,
  SourceAnswer,
  SourceHealth,
  SourceRecord,
} from '../../domain/lookups/lookup-source';
import {
  compileRequestTemplate,
  requiredInputsOf,
  type FilledRequest,
  type RequestTemplate,
} from '../../domain/lookups/request-template';
import type { SourceDefinition } from '../../engine/source-file-schema';
import { createAnswerReader } from './answer-reader';
import { callTimeout } from './call-timeout';
import { cacheEntryBytes } from './cache-entry-bytes';
import { SourceFailure, classifyFailure, type FailureStatus } from './source-failure';

/** Largest upstream answer accepted; anything bigger is a misbehaving source. */
const MAX_RESPONSE_BYTES = 256 * 1024;

export interface HttpLookupSourceOptions {
  definition: SourceDefinition;
  /** Where baseUrlEnv and auth.secretEnv are read from (the process environment in production). */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds clock for cache ages; injected so tests can move time. */
  now: () => number;
  /**
   * Bytes of memory the answer cache may hold, on top of the definition's maxEntries: whichever
   * bound is reached first evicts the least recently used answers. Unbounded when absent.
   */
  cacheMaxBytes?: number;
}

interface FetchContext {
  deadline: number;
  /** Upstream attempts this fetch made; the caller that started it pays for them. */
  attempts: number;
  onCall?: () => void;
}

/**
 * A lookup source over HTTP. Layers, outermost first: lru-cache (fresh answers, coalescing of
 * identical in-flight lookups, stale answers while the source fails), a bulkhead (max concurrent
 * calls), retry (transient failures of idempotent calls only: the one place retries live),
 * a circuit breaker, then one locked-down axios call (timeout, size cap, no redirects, the
 * configured origin only).
 */
export class HttpLookupSource implements LookupSource {
  readonly name: string;
  readonly kind: SourceDefinition['kind'];
  readonly costPerCall: number;
  readonly inputs: readonly string[];

  private readonly template: RequestTemplate;
  private readonly http: AxiosInstance;
  private readonly agent: HttpAgent;
  private readonly policy: IPolicy;
  private breaker?: CircuitBreakerPolicy;
  private consecutiveFailures = 0;
  private readonly cache: LRUCache<string, SourceRecord, FetchContext>;
  /** Why the last fetch of a key failed, for callers that only see lru-cache's `undefined`. */
  private readonly failures: LRUCache<string, { status: FailureStatus; reason: string }>;
  private readonly readAnswer: (body: string) => Record<string, unknown>;
  private readonly headers: Record<string, string> = { accept: 'application/json' };
  /** Weak, so a decision's inputs and their request go when the decision does. */
  private readonly filled = new WeakMap<LookupInputs, FilledRequest>();
  private readonly fillTemplate: (inputs: LookupInputs) => FilledRequest;

  constructor(private readonly options: HttpLookupSourceOptions) {
    const { definition, env } = options;
    this.name = definition.name;
    this.kind = definition.kind;
    this.costPerCall = definition.costPerCall;
    const override = definition.request.baseUrlEnv ? env[definition.request.baseUrlEnv] : undefined;
    this.template = { ...definition.request, baseUrl: override || definition.request.baseUrl };
    this.inputs = requiredInputsOf(this.template);
    this.fillTemplate = compileRequestTemplate(this.template);
    if (definition.auth) {
      const secret = env[definition.auth.secretEnv];
      if (!secret) {
        throw new Error(
          `source ${definition.name}: environment variable ${definition.auth.secretEnv} (its auth secret) is not set`,
        );
      }
      this.headers[definition.auth.header] = `${definition.auth.prefix}${secret}`;
    }
    const base = new URL(this.template.baseUrl);
    this.agent =
      base.protocol === 'https:'
        ? new HttpsAgent({ keepAlive: true, maxSockets: definition.maxConcurrent })
        : new HttpAgent({ keepAlive: true, maxSockets: definition.maxConcurrent });
    this.http = axios.create({
      baseURL: base.origin,
      allowAbsoluteUrls: false,
      maxRedirects: 0,
      proxy: false,
      maxContentLength: MAX_RESPONSE_BYTES,
      maxBodyLength: 64 * 1024,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      httpAgent: this.agent,
      httpsAgent: this.agent,
    });
    this.readAnswer = createAnswerReader(definition);
    this.policy = this.buildPolicy(definition);
    const perf = { now: options.now };
    this.cache = new LRUCache<string, SourceRecord, FetchContext>({
      max: definition.cache.maxEntries,
      ...(options.cacheMaxBytes === undefined
        ? {}
        : {
            maxSize: options.cacheMaxBytes,
            sizeCalculation: (record, key) => cacheEntryBytes(key, record),
          }),
      ttl: definition.cache.ttlSeconds * 1000,
      perf,
      allowStaleOnFetchRejection: true,
      noDeleteOnFetchRejection: true,
      // A stale answer is kept to stand in while the source fails, until LRU evicts it.
      noDeleteOnStaleGet: true,
      fetchMethod: (key, _stale, { context }) => this.load(key, context),
    });
    this.failures = new LRUCache({ max: Math.min(definition.cache.maxEntries, 10_000) });
  }

  hasFresh(inputs: LookupInputs): boolean {
    const filled = this.fill(inputs);
    return filled.ok && this.cache.has(filled.url.href);
  }

  fresh(inputs: LookupInputs): SourceRecord | undefined {
    const filled = this.fill(inputs);
    // has() first: get() of a stale entry would count as a read and could hand back stale data.
    return filled.ok && this.cache.has(filled.url.href)
      ? this.cache.get(filled.url.href)
      : undefined;
  }

  async fetch(inputs: LookupInputs, options: FetchOptions): Promise<SourceAnswer> {
    const filled = this.fill(inputs);
    if (!filled.ok) return { status: 'no_input', reason: `${filled.reason} input` };
    const key = filled.url.href;
    const context: FetchContext = {
      deadline: options.deadline,
      attempts: 0,
      onCall: options.onCall,
    };
    const status: LRUCache.Status<string, SourceRecord, FetchContext> = {};
    let record: SourceRecord | undefined;
    try {
      record = await this.cache.fetch(key, { context, status, forceRefresh: options.noCache });
    } catch {
      record = undefined;
    }
    const { definition } = this.options;
    const age = this.options.now() - (record?.fetchedAt.getTime() ?? 0);
    const ttl = definition.cache.ttlSeconds * 1000;
    if (record === undefined || age > ttl + definition.cache.staleIfErrorSeconds * 1000) {
      // A miss while the source is down is "unavailable", never "no adverse data".
      const failure = this.failures.get(key) ?? classifyFailure(status.fetchError);
      return failure;
    }
    const answer = status.fetch === 'hit' ? 'cache' : age > ttl ? 'stale' : 'ok';
    return { status: answer, record };
  }

  cached(inputs: LookupInputs): SourceAnswer | undefined {
    const filled = this.fill(inputs);
    if (!filled.ok) return undefined;
    const status: LRUCache.Status<string, SourceRecord, FetchContext> = {};
    const record = this.cache.get(filled.url.href, { allowStale: true, status });
    if (record === undefined) return undefined;
    return { status: status.get === 'stale' ? 'stale' : 'cache', record };
  }

  health(): SourceHealth {
    const state = this.breaker?.state;
    const breaker =
      state === CircuitState.HalfOpen
        ? 'half-open'
        : state === CircuitState.Open || state === CircuitState.Isolated
          ? 'open'
          : 'closed';
    return { breaker, consecutiveFailures: this.consecutiveFailures };
  }

  close(): void {
    this.agent.destroy();
    this.cache.clear();
  }

  /**
   * The request for these inputs, built once per inputs object: a decision asks the same source
   * up to three times (budget check, cache read, fetch) with the same inputs.
   */
  private fill(inputs: LookupInputs): FilledRequest {
    let filled = this.filled.get(inputs);
    if (filled === undefined) {
      filled = this.fillTemplate(inputs);
      this.filled.set(inputs, filled);
    }
    return filled;
  }

  private async load(key: string, context: FetchContext): Promise<SourceRecord> {
    const url = new URL(key);
    try {
      const record = await this.policy.execute(() => {
        // Retries stay inside the deadline of the request that started the lookup; an attempt
        // already under way may finish after it, to warm the cache for the next request.
        if (context.attempts > 0 && this.options.now() >= context.deadline) {
          throw new SourceFailure('timeout', 'deadline reached before a retry', false, false);
        }
        context.attempts += 1;
        context.onCall?.();
        return this.callOnce(`${url.pathname}${url.search}`);
      });
      this.failures.delete(key);
      this.consecutiveFailures = 0;
      return record;
    } catch (error) {
      this.consecutiveFailures += 1;
      this.failures.set(key, classifyFailure(error));
      throw error;
    }
  }

  private async callOnce(pathAndQuery: string): Promise<SourceRecord> {
    const { definition } = this.options;
    let response;
    const timeout = callTimeout(definition.timeoutMs);
    try {
      response = await this.http.request<string>({
        method: definition.request.method,
        url: pathAndQuery,
        headers: this.headers,
        signal: timeout.signal,
      });
    } catch (error) {
      throw transportFailure(error);
    } finally {
      timeout.clear();
    }
    const fetchedAt = new Date(this.options.now());
    if (definition.notFoundStatuses.includes(response.status)) {
      return { fields: {}, notFound: true, fetchedAt };
    }
    if (response.status >= 200 && response.status < 300) {
      return { fields: this.readAnswer(String(response.data)), notFound: false, fetchedAt };
    }
    if (response.status === 429 || response.status >= 500) {
      throw new SourceFailure('error', `HTTP ${response.status}`, true);
    }
    if (response.status >= 300 && response.status < 400) {
      throw new SourceFailure('error', 'redirects are not followed', false);
    }
    throw new SourceFailure('error', `HTTP ${response.status}`, false, false);
  }

  private buildPolicy(definition: SourceDefinition): IPolicy {
    const isFailure = (error: Error) =>
      error instanceof SourceFailure ? error.countsAsFailure : !isBrokenCircuitError(error);
    const breaker = circuitBreaker(handleWhen(isFailure), {
      halfOpenAfter: definition.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(definition.breaker.consecutiveFailures),
    });
    this.breaker = breaker;
    const retries = retry(
      handleWhen((error) => error instanceof SourceFailure && error.transient),
      {
        maxAttempts: definition.retry.maxAttempts - 1,
        backoff: new ExponentialBackoff({
          initialDelay: definition.retry.baseDelayMs,
          maxDelay: definition.retry.maxDelayMs,
        }),
      },
    );
    const limit = bulkhead(definition.maxConcurrent, definition.maxConcurrent * 4);
    return wrap(limit, retries, breaker);
  }
}

function transportFailure(error: unknown): SourceFailure {
  if (!isAxiosError(error)) return new SourceFailure('error', 'request failed', true);
  if (
    error.code === 'ECONNABORTED' ||
    error.code === 'ETIMEDOUT' ||
    error.code === 'ERR_CANCELED'
  ) {
    return new SourceFailure('timeout', 'no answer within the timeout', true);
  }
  if (error.message.includes('maxContentLength')) {
    return new SourceFailure('error', 'answer larger than allowed', false);
  }
  return new SourceFailure('error', error.code ?? 'connection failed', true);
}
