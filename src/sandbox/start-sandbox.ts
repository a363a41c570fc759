import { createServer } from 'node:http';
import { createSandboxApp, type Sandbox } from './sandbox-app';

export interface RunningSandbox extends Sandbox {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43123 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StartSandboxOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
}

/** Listens with a fresh sandbox (its own faults and counters) until close(). */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const sandbox = createSandboxApp();
  const server = createServer(sandbox.app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox has no TCP port');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      // Hanging calls are the point of some faults; waiting for them would wait forever.
      server.closeAllConnections();
      server.close((error) => (error === undefined ? resolve() : reject(error)));
    });
    return closing;
  };
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { ...sandbox, url: `http://${urlHost}:${address.port}`, port: address.port, close };
}
