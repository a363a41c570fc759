/** An upstream call's time limit as an abort signal, and a way to stand it down. */
export interface CallTimeout {
  readonly signal: AbortSignal;
  /** Call once the call has settled, so nothing is left waiting to fire. */
  clear(): void;
}

/**
 * A timeout that does not blame a source for the service's own pauses. When the event loop has
 * been busy past the limit (a major garbage collection, a burst of work), the timer fires in the
 * timers phase of the next turn, before that turn's poll phase reads the sockets: an answer that
 * came back in time and is waiting in the socket would be thrown away as a timeout, the breaker
 * would count it, and under load a single pause opened the CRM breaker for every call in flight.
 * So the abort waits for the check phase of the same turn (setImmediate), after pending I/O has
 * been read. A source that really is slow is aborted at most one turn later than the limit.
 */
export function callTimeout(ms: number): CallTimeout {
  const controller = new AbortController();
  let deferred: NodeJS.Immediate | undefined;
  const timer = setTimeout(() => {
    deferred = setImmediate(() => controller.abort(new Error(`no answer within ${ms} ms`)));
  }, ms);
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      if (deferred !== undefined) clearImmediate(deferred);
    },
  };
}
