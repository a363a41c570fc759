import type { RequestHandler } from 'express';

/**
 * Where the process is in its life, as the HTTP layer needs to know it: serving, or stopping
 * (not ready, finishing what is in flight). The process entry drives it; routes only read it.
 */
export class ServiceLifecycle {
  private stopping = false;
  private readonly streams = new AbortController();

  get shuttingDown(): boolean {
    return this.stopping;
  }

  /** Aborted when streaming batches must wrap up (the shutdown grace period is over). */
  get streamDeadline(): AbortSignal {
    return this.streams.signal;
  }

  /** From now on /readyz answers 503 and every answer closes its connection. */
  beginShutdown(): void {
    this.stopping = true;
  }

  /** Tells streaming batches to stop reading and end with a "shutting down" line. */
  endStreams(): void {
    this.stopping = true;
    this.streams.abort();
  }
}

/**
 * While stopping, answers still go out but each closes its connection, so keep-alive clients
 * reconnect (to another instance) instead of pinning this one open.
 */
export function closeConnectionsWhenStopping(lifecycle: ServiceLifecycle): RequestHandler {
  return (_req, res, next) => {
    if (lifecycle.shuttingDown) res.setHeader('connection', 'close');
    next();
  };
}
