import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';

/**
 * Runs one sandbox on loopback for a test file, with faults and counters cleared before each
 * test. Read `fixture.sandbox` inside tests (it exists once beforeAll has run).
 */
export function useSandbox() {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox({ port: 0 });
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    running?.faults.clear();
    running?.calls.reset();
  });
  const fixture = {
    get sandbox(): RunningSandbox {
      if (running === undefined) throw new Error('the sandbox starts in beforeAll');
      return running;
    },
    /** GET (or any method via init) a sandbox path; the body is parsed as JSON. */
    get: async (path: string, init?: RequestInit) => {
      const res = await fetch(`${fixture.sandbox.url}${path}`, init);
      return { status: res.status, body: (await res.json()) as unknown };
    },
  };
  return fixture;
}
