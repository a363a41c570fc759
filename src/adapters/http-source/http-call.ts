import { request as httpRequest, type Agent as HttpAgent, type ClientRequest } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import { SourceFailure } from './source-failure';

export interface HttpCallTarget {
  /** Where every call goes; configuration, never user input. */
  origin: URL;
  agent: HttpAgent | HttpsAgent;
  method: string;
  headers: Readonly<Record<string, string>>;
  /** For the whole exchange, from sending the request to the last byte of the answer. */
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * One upstream call, locked down: to the configured origin only (the caller gives the path and
 * query), redirects never followed (a 3xx comes back as it is), no proxy from the environment,
 * one timer for the whole exchange and a cap on the answer's size. Transport problems reject
 * with a SourceFailure. Plain node:http: a general-purpose client's per-request config merging
 * was the largest single cost of a lookup under batch load.
 */
export function httpCall(target: HttpCallTarget, pathAndQuery: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const { origin } = target;
    const send = origin.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    // Called only from callbacks, after req and timer below exist.
    const fail = (failure: SourceFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(failure);
    };
    const req: ClientRequest = send(
      {
        protocol: origin.protocol,
        // URL keeps the brackets of an IPv6 address; the request wants the bare address.
        hostname: origin.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: origin.port,
        path: pathAndQuery,
        method: target.method,
        headers: target.headers,
        agent: target.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > target.maxResponseBytes) {
            fail(new SourceFailure('error', 'answer larger than allowed', false));
            res.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const body = Buffer.concat(chunks, bytes).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body });
        });
        // Before 'end' the answer was cut off; after it, these change nothing (and an Error, with
        // its stack trace, is not worth building for every call).
        res.on('error', (error: NodeJS.ErrnoException) => {
          if (!settled) fail(connectionFailure(error));
        });
        res.on('close', () => {
          if (!settled) fail(new SourceFailure('error', 'connection closed', true));
        });
      },
    );
    const timer = setTimeout(
      () => fail(new SourceFailure('timeout', 'no answer within the timeout', true)),
      target.timeoutMs,
    );
    req.on('error', (error: NodeJS.ErrnoException) => fail(connectionFailure(error)));
    req.end();
  });
}

const connectionFailure = (error: NodeJS.ErrnoException) =>
  new SourceFailure('error', error.code ?? 'connection failed', true);
