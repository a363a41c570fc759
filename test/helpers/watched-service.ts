import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildDependencies, type Dependencies } from '../../src/deps';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';
import { api } from './api';
import { DEFAULT_RULES_DIR, capturingLogger } from './build-test-app';
import { sandboxEnv } from './sandboxed-app';

export interface WatchedService {
  dir: string;
  deps: Dependencies;
  app: ReturnType<typeof createApp>;
  http: ReturnType<typeof api>;
  logger: ReturnType<typeof capturingLogger>;
  close(): Promise<void>;
}

/**
 * The service as the composition root builds it, watching a private copy of the default rules
 * (so a test can edit them), with its sources pointed at a sandbox on loopback.
 */
export async function startWatchedService(): Promise<WatchedService> {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const sandbox: RunningSandbox = await startSandbox({ port: 0 });
  const logger = capturingLogger();
  const config = loadConfig({
    RULES_DIR: dir,
    RULES_RELOAD_DEBOUNCE_MS: '50',
    SANDBOX_PORT: 'off',
  });
  const deps = await buildDependencies(config, {
    clock: { now: () => new Date() },
    logger,
    env: sandboxEnv(sandbox.url),
  });
  const app = createApp(deps.app);
  return {
    dir,
    deps,
    app,
    http: api(app),
    logger,
    close: async () => {
      deps.close();
      await sandbox.close();
    },
  };
}

/** Polls until check() holds, failing after timeoutMs. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 2000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
