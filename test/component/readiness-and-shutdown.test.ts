import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupSource } from '../../src/domain/lookups/lookup-source';
import type { SourceFactory } from '../../src/engine/activate-rule-set';
import { api, problemOf } from '../helpers/api';
import { buildTestApp, noRecordSource } from '../helpers/build-test-app';
import { expectResponseToMatchSpec } from '../helpers/openapi-contract';
import { aCorporateSignup } from '../helpers/prospects';

/** Partner's breaker is open, credit's last call failed, the others are fine. */
const sourcesWithHealth: SourceFactory = (definition): LookupSource => ({
  ...noRecordSource(definition),
  health: () => ({
    breaker: definition.name === 'partner' ? 'open' : 'closed',
    consecutiveFailures: definition.name === 'credit' ? 2 : 0,
  }),
});

describe('GET /readyz', () => {
  it('is ready with the active rule set, listing degraded and open sources without going unready', async () => {
    const { app, rules } = buildTestApp({ createSource: sourcesWithHealth });

    const res = await api(app).get('/readyz');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ready',
      ruleset: {
        version: rules.current().version,
        loadedAt: rules.current().loadedAt.toISOString(),
      },
      sources: [
        { name: 'crm', state: 'ok' },
        { name: 'partner', state: 'open' },
        { name: 'credit', state: 'degraded' },
        { name: 'callerId', state: 'ok' },
      ],
    });
  });

  it('answers 503 shutting_down once shutdown has begun, while liveness stays 200', async () => {
    const { app, lifecycle } = buildTestApp();
    lifecycle.beginShutdown();
    const http = api(app);

    const ready = await http.get('/readyz');
    const live = await http.get('/healthz');

    expect(ready.status).toBe(503);
    expect(problemOf(ready).code).toBe('shutting_down');
    expect(ready.headers.connection).toBe('close');
    expect(live.status).toBe(200);
  });
});

describe('when the shutdown grace period ends during an NDJSON stream', () => {
  let server: Server;
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers the records already read, then the summary and a shutting_down line, and ends', async () => {
    // The grace period ends once the CRM has been asked about both records sent so far, while
    // the client is still sending (the body stays open, as a long CRM export would).
    let crmCalls = 0;
    const countingSources: SourceFactory = (definition) => {
      const source = noRecordSource(definition);
      if (definition.name !== 'crm') return source;
      return {
        ...source,
        fetch: (inputs, options) => {
          crmCalls += 1;
          if (crmCalls === 2) lifecycle.endStreams();
          return source.fetch(inputs, options);
        },
      };
    };
    const { app, lifecycle } = buildTestApp({ createSource: countingSources });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const res = await new Promise<{
      status: number;
      headers: Record<string, string>;
      text: string;
    }>((resolve, reject) => {
      const req = httpRequest({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/v1/score/batch',
        headers: { 'content-type': 'application/x-ndjson' },
      });
      req.on('error', reject);
      req.on('response', (answer) => {
        let text = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => (text += chunk));
        answer.on('end', () => {
          req.destroy();
          resolve({
            status: answer.statusCode ?? 0,
            headers: answer.headers as Record<string, string>,
            text,
          });
        });
      });
      req.write(`${JSON.stringify(aCorporateSignup())}\n`);
      req.write(`${JSON.stringify(aCorporateSignup({ email: 'lee@fabrikam-industries.com' }))}\n`);
    });

    expect(res.status).toBe(200);
    expectResponseToMatchSpec({ ...res, body: undefined }, 'POST', '/v1/score/batch');
    const lines = res.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 2).every((line) => 'result' in line)).toBe(true);
    expect(lines[2]).toMatchObject({ summary: { total: 2, scored: 2 } });
    expect(lines[3]).toMatchObject({ error: { code: 'shutting_down', status: 503 } });
  });
});
