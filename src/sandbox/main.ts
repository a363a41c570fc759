import { startSandbox } from './start-sandbox';

const DEFAULT_PORT = 4010;

/** Standalone runner: `tsx src/sandbox/main.ts`, port from SANDBOX_PORT. */
async function main(): Promise<void> {
  // A process entry of its own, like src/server.ts, so it reads its one setting directly.
  // eslint-disable-next-line no-restricted-properties
  const rawPort = process.env.SANDBOX_PORT;
  const port = rawPort === undefined || rawPort === '' ? DEFAULT_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`SANDBOX_PORT must be a port number 0-65535, got "${rawPort}".\n`);
    process.exit(2);
  }
  const sandbox = await startSandbox({ port });
  process.stdout.write(`lookup-source sandbox listening on ${sandbox.url}\n`);

  const stop = (signal: string) => {
    process.stdout.write(`${signal}: stopping sandbox\n`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
