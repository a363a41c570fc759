import type { Express } from 'express';
import type { Document, OpenAPIBackend } from 'openapi-backend';
import request from 'supertest';
import { noCustomers } from '../../src/adapters/customer-file';
import type { CustomerMatcher } from '../../src/domain/ports';
import { buildTestApp } from '../helpers/build-test-app';
import { DECISIONS, FOLLOW_UP_PRIORITIES, RULE_EVENT_TYPES } from '../../src/domain/rule-event';
import { SIGNAL_NAMES } from '../../src/domain/signals/signal-catalog';
import {
  COMPANY_SIZE_BANDS,
  EMAIL_DOMAIN_KINDS,
  NAME_QUALITIES,
  PHONE_TYPES,
} from '../../src/domain/signals/signal-values';
import { ERROR_CODES } from '../../src/errors/error-codes';
import {
  createSpecBackend,
  expectResponseToMatchSpec,
  openApiSpec,
  readOpenApiDocument,
  type ResponseUnderTest,
} from '../helpers/openapi-contract';

/** Enough of a schema object to read what these tests compare. */
interface Schema {
  enum?: unknown[];
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  $ref?: string;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
}
interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface OperationObject {
  operationId?: string;
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const KNOWN_CUSTOMER = 'olivia.chen@fabrikam-industries.com';

/** A tiny rule set that fires one rule of each event type. */
const TINY_RULE_SET: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'policy.json': {
      baseScore: 50,
      tiers: [
        { name: 'hot', minScore: 70 },
        { name: 'cold', minScore: 0 },
      ],
      thresholds: { qualified: 70, nurture: 40 },
    },
    'contract.rules.json': [
      {
        name: 'corporate-email',
        priority: 50,
        conditions: { all: [{ fact: 'emailDomainKind', operator: 'equal', value: 'corporate' }] },
        event: { type: 'score', params: { points: 25, message: 'Work email address' } },
      },
      {
        name: 'disposable-email',
        description: 'Throwaway mailboxes never buy.',
        priority: 100,
        conditions: { all: [{ fact: 'emailDomainKind', operator: 'equal', value: 'disposable' }] },
        event: {
          type: 'disqualify',
          params: { message: 'Disposable email', publicMessage: 'Please use a permanent email.' },
        },
      },
      {
        name: 'placeholder-name',
        priority: 100,
        conditions: { all: [{ fact: 'nameQuality', operator: 'equal', value: 'suspicious' }] },
        event: { type: 'review', params: { message: 'Name looks made up', points: -10 } },
      },
      {
        name: 'route-qualified',
        priority: 10,
        conditions: { all: [] },
        event: {
          type: 'route',
          params: {
            queue: 'sales-inbound',
            withinMinutes: 60,
            priority: 'high',
            whenDecision: ['qualified'],
          },
        },
      },
    ],
  }).map(([file, content]) => [file, JSON.stringify(content)]),
);

function buildApp(): Express {
  const customers: CustomerMatcher = {
    match: async (prospect) =>
      prospect.email === KNOWN_CUSTOMER ? { by: 'email' } : noCustomers.match(prospect),
  };
  return buildTestApp({ ruleFiles: TINY_RULE_SET, customers }).app;
}

const document = readOpenApiDocument();
const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
const schema = (name: string): Schema => {
  const found = schemas[name];
  if (found === undefined) throw new Error(`openapi.yaml has no components/schemas/${name}`);
  return found;
};
const sorted = (values: readonly unknown[]): unknown[] => [...values].map(String).sort();

/** Every operation in a document, with its method and path. */
function operationsOf(doc: Document): Array<{ method: string; path: string; op: OperationObject }> {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => (item as Record<string, unknown>)[method] !== undefined).map(
      (method) => ({
        method,
        path,
        op: (item as Record<string, OperationObject>)[method] as OperationObject,
      }),
    ),
  );
}

function prospectExamples(doc: Document): Array<[string, unknown]> {
  const op = operationsOf(doc).find(({ op }) => op.operationId === 'scoreProspect')?.op;
  const examples = op?.requestBody?.content?.['application/json']?.examples ?? {};
  return Object.entries(examples).map(([name, example]) => [name, example.value]);
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean | undefined> };
  handle?: { stack?: RouterLayer[] };
  rawPath?: unknown;
}

/** (method, path) pairs the Express 5 app registers, nested routers included. */
function registeredRoutes(stack: readonly RouterLayer[], prefix = ''): Array<[string, string]> {
  return stack.flatMap((layer): Array<[string, string]> => {
    if (layer.route !== undefined) {
      const { route } = layer;
      const paths = Array.isArray(route.path) ? route.path : [route.path];
      const methods = Object.keys(route.methods).filter((m) => m !== '_all' && route.methods[m]);
      return paths.flatMap((path) =>
        methods.map((method): [string, string] => [method, prefix + path]),
      );
    }
    if (layer.handle?.stack !== undefined) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      return registeredRoutes(layer.handle.stack, prefix + mount);
    }
    return [];
  });
}

/** Express `:name` parameters as OpenAPI `{name}` templates. */
const toOpenApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

describe('openapi.yaml', () => {
  let api: OpenAPIBackend;
  beforeAll(async () => {
    api = await openApiSpec();
  });

  it('is a valid OpenAPI 3.0 document (openapi-backend, strict, validate: true)', async () => {
    const backend = createSpecBackend();
    await expect(backend.init()).resolves.toBe(backend);
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    // ...and the same check does refuse a broken one.
    const broken = { ...document, info: undefined } as unknown as Document;
    await expect(createSpecBackend({ definition: broken }).init()).rejects.toThrow(
      /not valid OpenAPI/,
    );
  });

  it('lists exactly the error codes of ERROR_CODES', () => {
    expect(sorted(schema('ErrorCode').enum ?? [])).toEqual(sorted(Object.keys(ERROR_CODES)));
    expect(schema('Problem').properties?.code?.$ref).toBe('#/components/schemas/ErrorCode');
  });

  it('gives each problem example the status and title of its code', () => {
    for (const { op } of operationsOf(api.definition)) {
      for (const response of Object.values(op.responses ?? {})) {
        const media = response.content?.['application/problem+json'];
        if (media === undefined) continue;
        const values = [media.example, ...Object.values(media.examples ?? {}).map((e) => e.value)];
        for (const value of values.filter((v) => v !== undefined)) {
          const { code, status, title } = value as {
            code: keyof typeof ERROR_CODES;
            status: number;
            title: string;
          };
          expect({ code, status, title }).toEqual({ code, ...ERROR_CODES[code] });
        }
      }
    }
  });

  it('lists exactly SIGNAL_NAMES as signals, each with its value set', () => {
    const signals = schema('Signals').properties ?? {};
    expect(sorted(Object.keys(signals))).toEqual(sorted(SIGNAL_NAMES));
    const withNull = (values: readonly string[]) => sorted([...values, null]);
    expect(sorted(signals.emailDomainKind?.enum ?? [])).toEqual(withNull(EMAIL_DOMAIN_KINDS));
    expect(sorted(signals.phoneType?.enum ?? [])).toEqual(withNull(PHONE_TYPES));
    expect(sorted(signals.nameQuality?.enum ?? [])).toEqual(withNull(NAME_QUALITIES));
    expect(sorted(signals.companySizeBand?.enum ?? [])).toEqual(withNull(COMPANY_SIZE_BANDS));
  });

  it('lists the decisions, follow-up priorities and rule event types the code knows', () => {
    expect(sorted(schema('DecisionOutcome').enum ?? [])).toEqual(sorted(DECISIONS));
    expect(sorted(schema('FollowUpPriority').enum ?? [])).toEqual(sorted(FOLLOW_UP_PRIORITIES));
    const eventTypes = (schema('RuleEvent').oneOf ?? []).flatMap((ref) => {
      const name = ref.$ref?.replace('#/components/schemas/', '') ?? '';
      return schema(name).properties?.type?.enum ?? [];
    });
    expect(sorted(eventTypes)).toEqual(sorted(RULE_EVENT_TYPES));
  });

  it('maps each discriminator value to the oneOf branch whose enum holds it', () => {
    // The contract helper lets ajv work the mapping out from those enums, so they must agree.
    const withDiscriminator = Object.values(schemas).filter((s) => s.discriminator !== undefined);
    expect(withDiscriminator.length).toBeGreaterThanOrEqual(2);
    for (const { discriminator, oneOf } of withDiscriminator) {
      const tag = discriminator?.propertyName ?? '';
      const derived = Object.fromEntries(
        (oneOf ?? []).flatMap((branch) => {
          const target = schema(branch.$ref?.replace('#/components/schemas/', '') ?? '');
          return (target.properties?.[tag]?.enum ?? []).map((value) => [value, branch.$ref]);
        }),
      );
      expect(discriminator?.mapping).toEqual(derived);
    }
  });

  it('documents every route the app registers', () => {
    const app = buildApp();
    const routes = registeredRoutes(
      (app as unknown as { router: { stack: RouterLayer[] } }).router.stack,
    );
    expect(routes.length).toBeGreaterThan(0);
    const undocumented = routes.filter(([method, path]) => {
      const item = document.paths?.[toOpenApiPath(path)] as Record<string, unknown> | undefined;
      return item?.[method] === undefined;
    });
    expect(undocumented).toEqual([]);
  });

  it.each(
    operationsOf(readOpenApiDocument()).map(({ method, path }) => [method.toUpperCase(), path]),
  )('serves the documented %s %s', async (method, path) => {
    const agent = request(buildApp());
    const res =
      method === 'POST'
        ? await agent.post(path).send(prospectExamples(document)[0]?.[1] as object)
        : await agent[method.toLowerCase() as 'get'](path);
    const notFound =
      res.status === 404 && (JSON.parse(res.text) as { code?: string }).code === 'not_found';
    expect(notFound).toBe(false);
    expectResponseToMatchSpec(res, method, path);
  });

  it.each(prospectExamples(readOpenApiDocument()))(
    'accepts its Prospect example %s as a request and scores it',
    async (_name, example) => {
      const asRequest = api.validateRequest(
        {
          method: 'post',
          path: '/v1/score',
          headers: { 'content-type': 'application/json' },
          body: example,
        },
        'scoreProspect',
      );
      expect(asRequest.errors ?? []).toEqual([]);

      const res = await request(buildApp())
        .post('/v1/score')
        .send(example as object);
      expect(res.status).toBe(200);
      expectResponseToMatchSpec(res, 'post', '/v1/score');
    },
  );

  it('describes both kinds of decision the service gives', async () => {
    const app = buildApp();
    const answers = await Promise.all(
      [
        { email: 'ana@contoso-labs.com', firstName: 'Ana', lastName: 'Silva' },
        { email: 'ana@mailinator.com' },
        { email: 'asdf@contoso-labs.com', firstName: 'asdf', lastName: 'asdf' },
        { phone: '(415) 555-0199' },
        { email: KNOWN_CUSTOMER },
      ].map((body) => request(app).post('/v1/score').send(body)),
    );
    for (const res of answers) expectResponseToMatchSpec(res, 'post', '/v1/score');
    const kinds = answers.map((res) => [res.body.status, res.body.decision]);
    expect(kinds).toEqual([
      ['scored', 'qualified'],
      ['scored', 'disqualified'],
      ['scored', 'review'],
      ['scored', 'nurture'],
      ['existing_customer', null],
    ]);
  });

  it('holds response examples that pass the contract check', () => {
    const fabricated = (status: number, mediaType: string, value: unknown): ResponseUnderTest => ({
      status,
      // With the headers the 401 and 429 answers must carry; other answers do not document them.
      headers: {
        'content-type': `${mediaType}; charset=utf-8`,
        'x-request-id': 'example-1',
        'www-authenticate': 'Bearer',
        'retry-after': '37',
      },
      body: typeof value === 'string' ? {} : value,
      text: typeof value === 'string' ? value : JSON.stringify(value),
    });
    let checked = 0;
    for (const { method, path, op } of operationsOf(api.definition)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          const values = [
            media.example,
            ...Object.values(media.examples ?? {}).map((e) => e.value),
          ];
          for (const value of values.filter((v) => v !== undefined)) {
            expectResponseToMatchSpec(fabricated(Number(status), mediaType, value), method, path);
            checked += 1;
          }
        }
      }
    }
    const notFound = (api.definition.components?.responses?.NotFound ?? {}) as {
      content?: Record<string, MediaType>;
    };
    const example = notFound.content?.['application/problem+json']?.example;
    expectResponseToMatchSpec(
      fabricated(404, 'application/problem+json', example),
      'get',
      '/v1/nothing-here',
    );
    expect(checked).toBeGreaterThan(5);
  });
});

describe('expectResponseToMatchSpec', () => {
  const scored = {
    decisionId: '8e8a444d-bfcd-4d48-8ca6-583c762d0988',
    status: 'scored',
    score: 85,
    tier: 'A',
    decision: 'qualified',
    reasons: [{ code: 'demo-requested', points: 20, message: 'Requested a demo' }],
    followUp: { priority: 'urgent', withinMinutes: 5, queue: 'sales-inbound' },
    signals: { emailDomainKind: 'corporate' },
    lookups: [],
    degraded: false,
    ruleset: { version: '2c22eda3043b4e8e', loadedAt: '2026-01-01T00:00:00.000Z' },
  };
  const json = (
    body: unknown,
    status = 200,
    headers: Record<string, string> = {},
    type = 'application/json; charset=utf-8',
  ): ResponseUnderTest => ({
    status,
    headers: { 'content-type': type, 'x-request-id': 'req-1', ...headers },
    body,
    text: JSON.stringify(body),
  });
  const notFound = {
    type: 'urn:prospect-scorer:problem:not_found',
    title: 'No such resource',
    status: 404,
    detail: 'No route for GET /nope.',
    code: 'not_found',
  };

  beforeAll(() => openApiSpec());

  it('accepts a response the document describes', () => {
    expect(() => expectResponseToMatchSpec(json(scored), 'POST', '/v1/score')).not.toThrow();
    expect(() =>
      expectResponseToMatchSpec(
        json(notFound, 404, {}, 'application/problem+json'),
        'GET',
        '/nope',
      ),
    ).not.toThrow();
  });

  it('throws for a scored decision with a score of 250, naming the field and showing the body', () => {
    const res = json({ ...scored, score: 250 });
    expect(() => expectResponseToMatchSpec(res, 'post', '/v1/score')).toThrow(
      /\/score must be <= 100/,
    );
    expect(() => expectResponseToMatchSpec(res, 'post', '/v1/score')).toThrow(/"score":250/);
  });

  it.each<[string, ResponseUnderTest, string, string, RegExp]>([
    [
      'an existing customer with a score',
      json({
        ...scored,
        status: 'existing_customer',
        reasons: [],
        followUp: null,
        signals: {},
        customerMatch: { by: 'email' },
      }),
      'post',
      '/v1/score',
      /\/score must be equal to one of the allowed values/,
    ],
    [
      'an existing customer with signals',
      json({
        ...scored,
        status: 'existing_customer',
        score: null,
        tier: null,
        decision: null,
        reasons: [],
        followUp: null,
        customerMatch: { by: 'email' },
      }),
      'post',
      '/v1/score',
      /\/signals must NOT have more than 0 properties/,
    ],
    [
      'an unknown signal',
      json({ ...scored, signals: { mood: 'happy' } }),
      'post',
      '/v1/score',
      /additional properties/,
    ],
    [
      'an undocumented status',
      json(notFound, 404, {}, 'application/problem+json'),
      'get',
      '/healthz',
      /status 404 is not documented/,
    ],
    [
      'an undocumented content type',
      json({ status: 'ok' }, 200, {}, 'text/html'),
      'get',
      '/healthz',
      /content-type text\/html is not documented/,
    ],
    [
      'a missing X-Request-Id',
      { ...json({ status: 'ok' }), headers: { 'content-type': 'application/json' } },
      'get',
      '/healthz',
      /header X-Request-Id is missing/,
    ],
    [
      'an unsafe X-Request-Id',
      json({ status: 'ok' }, 200, { 'x-request-id': 'a b' }),
      'get',
      '/healthz',
      /header X-Request-Id: .* must match pattern/,
    ],
    ['a 200 for an unknown route', json({ status: 'ok' }), 'get', '/nope', /must be 404/],
    [
      'a problem whose status is not the HTTP status',
      json({ ...notFound, status: 400 }, 404, {}, 'application/problem+json'),
      'get',
      '/nope',
      /problem status 400 differs/,
    ],
    [
      'an unknown error code',
      json(
        { ...notFound, code: 'oops', type: 'urn:prospect-scorer:problem:oops' },
        404,
        {},
        'application/problem+json',
      ),
      'get',
      '/nope',
      /\/code must be equal to one of the allowed values/,
    ],
  ])('throws for %s', (_name, res, method, path, message) => {
    expect(() => expectResponseToMatchSpec(res, method, path)).toThrow(message);
  });
});
