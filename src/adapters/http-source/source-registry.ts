import type { LookupSource } from '../../domain/lookups/lookup-source';
import type { SourceDefinition } from '../../engine/source-file-schema';
import { HttpLookupSource } from './http-lookup-source';

/** How long a source dropped by a reload stays open for the lookups still using it. */
const CLOSE_GRACE_MS = 60_000;

/**
 * Keeps one live HTTP source per distinct definition, so a rule reload that leaves a source's
 * definition unchanged keeps its cache, its circuit breaker and its connections.
 */
export class SourceRegistry {
  private readonly live = new Map<string, HttpLookupSource>();
  private readonly retiring = new Map<ReturnType<typeof setTimeout>, LookupSource>();

  constructor(
    private readonly options: {
      env: Readonly<Record<string, string | undefined>>;
      now: () => number;
      /** Memory each source's answer cache may hold, in bytes (see HttpLookupSourceOptions). */
      cacheMaxBytes?: number;
    },
  ) {}

  /** The live source for a definition, made on first use. */
  readonly create = (definition: SourceDefinition): LookupSource => {
    const key = JSON.stringify(definition);
    let source = this.live.get(key);
    if (source === undefined) {
      source = new HttpLookupSource({ definition, ...this.options });
      this.live.set(key, source);
    }
    return source;
  };

  /** The live source for a definition if one exists, without making one. */
  find(definition: SourceDefinition): LookupSource | undefined {
    return this.live.get(JSON.stringify(definition));
  }

  /** Closes, after a grace period, every source the given (now active) set does not use. */
  retainOnly(inUse: readonly LookupSource[]): void {
    for (const [key, source] of this.live) {
      if (inUse.includes(source)) continue;
      this.live.delete(key);
      const timer = setTimeout(() => {
        this.retiring.delete(timer);
        source.close();
      }, CLOSE_GRACE_MS);
      timer.unref();
      this.retiring.set(timer, source);
    }
  }

  closeAll(): void {
    for (const [timer, source] of this.retiring) {
      clearTimeout(timer);
      source.close();
    }
    this.retiring.clear();
    for (const source of this.live.values()) source.close();
    this.live.clear();
  }
}
