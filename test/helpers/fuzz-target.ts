import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import fc from 'fast-check';
import { KEYS, keysAuth } from './api-keys';
import { buildTestApp } from './build-test-app';
import { expectResponseToMatchSpec, type ResponseUnderTest } from './openapi-contract';

/**
 * The app every fuzz test hits, with API keys on as in production, and the headers every fuzzed
 * request carries: a key allowed on every route (enrich and admin), so fuzzed requests get past
 * authentication to the parsers. Fuzzed headers never override these.
 */
export function fuzzTarget(): { app: Express; baseline: Record<string, string> } {
  const auth = keysAuth({ metricsAccess: 'admin' });
  return {
    app: buildTestApp({ auth }).app,
    baseline: { authorization: `Bearer ${KEYS.opsAndCrm}` },
  };
}

export interface FuzzRequest {
  method: string;
  /** Path and query string. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Send on a new connection. For bodies sent where no route reads them: the answer can come
   * before the body is all sent, and what the next request on that connection sees then is a
   * matter of HTTP framing, not of this service.
   */
  fresh?: boolean;
}

export interface FuzzServer {
  /** Sends one request and checks the answer: below 500 and as openapi.yaml documents it. */
  check(request: FuzzRequest): Promise<ResponseUnderTest>;
  close(): Promise<void>;
}

/** One listening server per test file, reached over one keep-alive connection. */
export async function startFuzzServer(): Promise<FuzzServer> {
  const { app, baseline } = fuzzTarget();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const check = async (request: FuzzRequest): Promise<ResponseUnderTest> => {
    const fuzzed = Object.fromEntries(
      Object.entries(request.headers ?? {}).filter(([name]) => !(name.toLowerCase() in baseline)),
    );
    // Encoded as a client library would (fetch, curl): the raw path may hold spaces and such.
    const url = new URL(`http://fuzz.invalid${request.path}`);
    const path = `${url.pathname}${url.search}`;
    const headers = { ...fuzzed, ...baseline };
    const via = request.fresh === true ? undefined : agent;
    const answer = await send(via, port, request.method, path, headers, request.body).catch(
      // The server may close a kept-alive connection as the next request reuses it (after an
      // answer sent before its body was read); a real client retries on a new one, and so do we.
      () => send(undefined, port, request.method, path, headers, request.body),
    );
    if (answer.status >= 500) {
      throw new Error(`${request.method} ${path} answered ${answer.status}: ${answer.text}`);
    }
    expectResponseToMatchSpec(answer, request.method, path);
    return answer;
  };
  return {
    check,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(
  agent: Agent | undefined,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<ResponseUnderTest> {
  return new Promise((resolve, reject) => {
    // Framed as real clients frame a body: node sends a DELETE's body unframed otherwise, and
    // the server would read those bytes as the start of another request.
    const framed =
      body === undefined
        ? headers
        : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const options = {
      host: '127.0.0.1',
      port,
      method,
      path,
      headers: framed,
      agent: agent ?? false,
    };
    const req = httpRequest(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: flat,
          body: text === '' ? null : undefined,
          text,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs per property: the issue asks for at least 1,000 per route in `npm test`. */
export const FUZZ_RUNS = 1000;

const printable = (maxLength: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength,
  });

/** Header values a client could send: printable ASCII, sometimes a meaningful one. */
const headerValue = fc.oneof(
  printable(40),
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/x-ndjson',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'no-cache',
    '*/*',
    'gzip',
    'identity',
    'crm-sync-42',
  ),
);

/** Arbitrary request headers, the ones the service reads among them. */
export const arbitraryHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'content-type',
      'accept',
      'cache-control',
      'idempotency-key',
      'x-request-id',
      'accept-encoding',
      'content-encoding',
      'x-forwarded-for',
      'authorization',
      'cookie',
    ),
    fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
  ),
  headerValue,
  { maxKeys: 6 },
);

/** Arbitrary query strings, well-formed or not (the service reads none). */
export const arbitraryQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(printable(12), printable(20), { maxKeys: 4 })
    .map((params) => `?${new URLSearchParams(params).toString()}`),
  fc.stringMatching(/^\?[A-Za-z0-9%=&;.+\-_[\]]{0,40}$/),
);

/** Any JSON text, sometimes not JSON at all. */
export const arbitraryBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
  printable(60),
);

/** A JSON body for a request with a JSON body: usually declared as JSON, sometimes not. */
export const withJsonType = (headers: Record<string, string>): Record<string, string> =>
  Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')
    ? headers
    : { ...headers, 'content-type': 'application/json' };

/** Replaces, removes or corrupts one field of a valid object, at any depth. */
export function mutated<T extends object>(valid: T): fc.Arbitrary<unknown> {
  const paths = fieldPaths(valid);
  return fc
    .tuple(
      fc.constantFrom(...paths),
      fc.oneof(fc.jsonValue(), fc.constant(undefined), printable(30)),
    )
    .map(([path, value]) => setAt(structuredClone(valid), path, value));
}

function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const nested = Object.entries(value).flatMap(([key, child]) =>
    fieldPaths(child, [...prefix, key]),
  );
  return prefix.length === 0 ? nested : [prefix, ...nested];
}

function setAt(root: object, path: string[], value: unknown): unknown {
  let node = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return root;
}
