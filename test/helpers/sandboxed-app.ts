import { HttpLookupSource } from '../../src/adapters/http-source/http-lookup-source';
import type { SourceFactory } from '../../src/engine/activate-rule-set';
import type { RuleSetFiles } from '../../src/engine/compile-rule-set';
import { sandboxEnv } from '../../src/sandbox/sandbox-env';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';

export { sandboxEnv };
import { api } from './api';
import { buildTestApp, loadDefaultRuleFiles, type TestAppOptions } from './build-test-app';

/** Real time plus an offset tests can push forward, to expire caches without waiting. */
export class ManualClock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

/** The default rule files with some source settings changed (e.g. shorter timeouts for tests). */
export function withSourceSettings(
  changes: Record<string, Record<string, unknown>>,
  files: RuleSetFiles = loadDefaultRuleFiles(),
): RuleSetFiles {
  const sources = JSON.parse(files.get('sources.json') as string) as {
    sources: Array<Record<string, unknown>>;
  };
  for (const source of sources.sources) {
    Object.assign(source, changes[source.name as string] ?? {});
  }
  return new Map(files).set('sources.json', JSON.stringify(sources));
}

export interface SandboxedApp {
  sandbox: RunningSandbox;
  clock: ManualClock;
  http: ReturnType<typeof api>;
  close(): Promise<void>;
}

/**
 * The real app with real HTTP lookup sources talking to the bundled sandbox on loopback: the
 * same code paths as production, with faults the test sets on the sandbox.
 */
export async function startSandboxedApp(options: TestAppOptions = {}): Promise<SandboxedApp> {
  const sandbox = await startSandbox({ port: 0 });
  const clock = new ManualClock();
  const sources: HttpLookupSource[] = [];
  const createSource: SourceFactory = (definition) => {
    const source = new HttpLookupSource({
      definition,
      env: sandboxEnv(sandbox.url),
      now: () => clock.now().getTime(),
    });
    sources.push(source);
    return source;
  };
  const { app } = buildTestApp({ createSource, clock, ...options });
  return {
    sandbox,
    clock,
    http: api(app),
    close: async () => {
      for (const source of sources) source.close();
      await sandbox.close();
    },
  };
}
