import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { expectResponseToMatchSpec } from './openapi-contract';

export interface ApiCall {
  body?: unknown;
  /** A raw body, sent as is (for malformed JSON and other content types). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * Calls the app through HTTP and checks every response against openapi.yaml before the test
 * sees it, so the whole suite doubles as a contract test.
 */
export function api(app: Express) {
  const send = async (
    method: 'get' | 'post',
    path: string,
    call: ApiCall = {},
  ): Promise<Response> => {
    let req = request(app)[method](path);
    for (const [name, value] of Object.entries(call.headers ?? {})) req = req.set(name, value);
    if (call.raw !== undefined) req = req.send(call.raw);
    else if (call.body !== undefined) req = req.send(call.body as object);
    const res = await req;
    expectResponseToMatchSpec(res, method, path);
    return res;
  };
  return {
    get: (path: string, call?: ApiCall) => send('get', path, call),
    post: (path: string, call?: ApiCall) => send('post', path, call),
  };
}

/** Problem responses come as application/problem+json, which supertest leaves unparsed. */
export function problemOf(res: Response): {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ path: string; message: string }>;
} {
  return JSON.parse(res.text);
}
