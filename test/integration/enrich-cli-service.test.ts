import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildDependencies, type Dependencies } from '../../src/deps';
import type { Logger } from '../../src/domain/ports';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';
import { runEnrichCli } from '../helpers/run-enrich-cli';

/*
 * `enrich --url` against the real app listening in this process, behind a recording proxy. The CLI runs as a child
 * process started asynchronously: spawnSync would block the event loop the app answers on.
 */

const ROOT = resolve(__dirname, '../..');
const LEADS = join(ROOT, 'test/fixtures/leads.csv');
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: { prospects: Array<Record<string, unknown>> };
}

/** What the wrapper in front of the app does with the next requests. */
type Misbehaviour = 'fail-503' | 'refuse-400';

let sandbox: RunningSandbox;
let deps: Dependencies;
let app: Server;
let server: Server;
let baseUrl: string;
let seen: SeenRequest[];
let planned: Misbehaviour[];
let inFlight: number;
let maxInFlight: number;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  deps = await buildDependencies(
    loadConfig({ RULES_DIR: join(ROOT, 'rules'), SANDBOX_PORT: 'off', RULES_WATCH: 'false' }),
    {
      clock: { now: () => new Date() },
      logger: silent,
      env: {
        CRM_BASE_URL: sandbox.url,
        PARTNER_BASE_URL: sandbox.url,
        CREDIT_BASE_URL: sandbox.url,
        IDENTITY_BASE_URL: sandbox.url,
      },
    },
  );
  app = createApp(deps.app).listen(0, '127.0.0.1');
  await once(app, 'listening');
  const appPort = (app.address() as AddressInfo).port;
  // A recording proxy in front of the app, which can also fail requests a test plans to fail.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(body.toString('utf8')) as SeenRequest['body'],
      });
      const misbehaviour = planned.shift();
      if (misbehaviour === 'fail-503') {
        res.writeHead(503, { 'content-type': 'application/problem+json' }).end('{}');
        return;
      }
      if (misbehaviour === 'refuse-400') {
        res
          .writeHead(400, { 'content-type': 'application/problem+json' })
          .end(JSON.stringify({ code: 'validation_failed', detail: 'Nope.', status: 400 }));
        return;
      }
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => (inFlight -= 1));
      const forward = request(
        {
          host: '127.0.0.1',
          port: appPort,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const listening of [server, app]) {
    listening.closeAllConnections();
    listening.close();
  }
  deps.close();
  await sandbox.close();
});

beforeEach(() => {
  seen = [];
  planned = [];
  inFlight = 0;
  maxInFlight = 0;
  dir = mkdtempSync(join(tmpdir(), 'enrich-cli-service-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function enrich(args: readonly string[], env: Record<string, string> = {}) {
  const run = await runEnrichCli(args, env);
  return { ...run, stdout: run.stdout.toString('utf8') };
}

const table = (csv: string): string[][] => parse(csv) as string[][];
const statuses = (csv: string) =>
  table(csv)
    .slice(1)
    .map((row) => row.at(-2));

describe('prospect-scorer enrich --url', () => {
  it('scores through POST /v1/score/batch with the same results as in-process', async () => {
    const run = await enrich([LEADS, '--url', baseUrl], { PROSPECT_SCORER_API_KEY: 'test-key' });
    expect(run.stderr).toMatch(/^enrich: scoring by the service at http:\/\/127\.0\.0\.1:\d+$/m);
    expect(run.status).toBe(0);

    expect(statuses(run.stdout)).toEqual([
      'scored',
      'scored',
      'scored',
      'scored',
      'error',
      'existing_customer',
      'scored',
      'scored',
    ]);
    const rows = table(run.stdout);
    const header = rows[0] ?? [];
    const bad = rows.find((row) => row[2] === 'not-an-email');
    expect(bad?.[header.indexOf('error')]).toMatch(/Email: an email address/);
    const customer = rows.find((row) => row[2] === 'olivia.chen@fabrikam-industries.com');
    expect(customer?.slice(header.indexOf('score'))).toEqual([
      '',
      '',
      '',
      '',
      'existing_customer',
      '',
    ]);

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/score/batch',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer test-key',
        'idempotency-key': expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(request?.body.prospects).toHaveLength(8);
    expect(request?.body.prospects[0]).toEqual({
      ref: '1',
      email: 'maria.lopez@northwind-analytics.com',
      phone: '+1 650 253 0000',
      firstName: 'María',
      lastName: 'López',
      company: {
        name: 'Northwind Analytics, Inc.',
        domain: 'northwind-analytics.com',
        employees: 240,
        industry: 'software',
      },
      country: 'US',
      source: 'signup_form',
    });
    // Empty cells and unreadable head counts are left out; Notes is never sent.
    expect(request?.body.prospects[6]).toEqual({
      ref: '7',
      email: 'alex.kim@gmail.com',
      firstName: 'Alex',
      lastName: 'Kim',
      company: { name: 'Kim Consulting', industry: 'consulting' },
      country: 'US',
    });
  });

  it('sends 200 rows a request, at most two at once, and writes them in order', async () => {
    const input = join(dir, 'many.csv');
    const ids = Array.from({ length: 450 }, (_, i) => String(i + 1));
    writeFileSync(
      input,
      `Id,Email\n${ids.map((id) => `${id},lead${id}@northwind-analytics.com`).join('\n')}\n`,
    );
    const run = await enrich([input, '--url', baseUrl, '--default-source', 'csv_import']);
    expect(run.status).toBe(0);
    expect(seen.map((request) => request.body.prospects.length)).toEqual([200, 200, 50]);
    expect(seen[2]?.body.prospects[0]).toMatchObject({ ref: '401', source: 'csv_import' });
    expect(new Set(seen.map((request) => request.headers['idempotency-key'])).size).toBe(3);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(
      table(run.stdout)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(ids);
  });

  it('retries a failed request with the same Idempotency-Key', async () => {
    planned = ['fail-503', 'fail-503'];
    const run = await enrich([LEADS, '--url', baseUrl]);
    expect(run.status).toBe(0);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((request) => request.headers['idempotency-key'])).size).toBe(1);
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(statuses(run.stdout)).not.toContain(undefined);
    expect(statuses(run.stdout).filter((status) => status === 'error')).toHaveLength(1);
  });

  it('reports every row of a refused chunk as an error row, and exits 1 when none scored', async () => {
    planned = ['refuse-400'];
    const run = await enrich([LEADS, '--url', baseUrl]);
    expect(run.status).toBe(1);
    expect(seen).toHaveLength(1);
    expect(new Set(statuses(run.stdout))).toEqual(new Set(['error']));
    expect(table(run.stdout)[1]?.at(-1)).toBe(
      'the service refused the batch: HTTP 400 validation_failed: Nope.',
    );
    expect(run.stderr).toMatch(/^ {2}failed {14}8 \(see the error column\)$/m);
  });

  it('gives up on an unreachable service after retrying, and exits 1', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();

    const run = await enrich([LEADS, '--url', `http://127.0.0.1:${port}`]);
    expect(run.status).toBe(1);
    expect(new Set(statuses(run.stdout))).toEqual(new Set(['error']));
    expect(run.stderr).toMatch(
      /^enrich: no row could be scored; the first failed with: the service could not be reached after 4 attempts: .*ECONNREFUSED/m,
    );
    // The input still comes through, so the file can be fixed up and run again.
    expect(
      table(run.stdout)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(
      table(readFileSync(LEADS, 'utf8'))
        .slice(1)
        .map((row) => row[0]),
    );
  });
});
