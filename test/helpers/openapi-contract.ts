/**
 * Checks HTTP responses against openapi.yaml, so every component test doubles as a contract test.
 *
 * openapi-backend (5.x) has no synchronous init, so the document is loaded and initialised once
 * per test file, in a `beforeAll` this module registers when a test file imports it. Call
 * `openApiSpec()` to await it yourself outside such a file.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OpenAPIBackend,
  ValidationContext,
  type Document,
  type Operation,
  type ValidationResult,
} from 'openapi-backend';
import { parse } from 'yaml';

export const OPENAPI_PATH = join(__dirname, '..', '..', 'openapi.yaml');

/** The response as supertest gives it; a fabricated object of the same shape does as well. */
export interface ResponseUnderTest {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  text: string;
}

/** Dereferenced OpenAPI 3.0 objects, as far as the checks below read them. */
interface SchemaObject {
  [keyword: string]: unknown;
}
interface HeaderObject {
  required?: boolean;
  schema?: SchemaObject;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, { schema?: SchemaObject }>;
}
type AjvError = NonNullable<ValidationResult['errors']>[number];

/**
 * Formats the document uses. openapi-backend only registers the OpenAPI numeric and binary ones,
 * and ajv would otherwise ignore the rest (with a console warning).
 */
const FORMATS: Record<string, RegExp | ((value: string) => boolean)> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value)),
  'uri-reference': /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/,
};

/** Reads openapi.yaml as a plain object. */
export function readOpenApiDocument(): Document {
  return parse(readFileSync(OPENAPI_PATH, 'utf8')) as Document;
}

export interface SpecBackendOptions {
  definition?: Document;
  /**
   * Validate only the `oneOf` branch a body's discriminator (`status`, `type`) names, so errors
   * say what is wrong with that branch rather than why every other branch does not fit. ajv
   * works the mapping out from each branch's `enum` and refuses an explicit `mapping`, so the
   * copy it compiles leaves the mappings out; the contract test checks they agree with the enums.
   */
  selectByDiscriminator?: boolean;
}

/**
 * A not yet initialised OpenAPIBackend over openapi.yaml, set up as the contract checks use it:
 * `strict`, so that `init()` rejects an invalid document instead of only logging it, and ajv
 * reporting every error rather than the first.
 */
export function createSpecBackend(options: SpecBackendOptions = {}): OpenAPIBackend {
  const definition = options.definition ?? readOpenApiDocument();
  const select = options.selectByDiscriminator === true;
  return new OpenAPIBackend({
    definition: select ? withoutDiscriminatorMappings(definition) : definition,
    strict: true,
    quick: false,
    validate: true,
    ajvOpts: { allErrors: true, discriminator: select },
    customizeAjv: (ajv) => {
      for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
      return ajv;
    },
  });
}

function withoutDiscriminatorMappings<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutDiscriminatorMappings) as T;
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, withoutDiscriminatorMappings(value)]),
  ) as Record<string, unknown>;
  const discriminator = copy.discriminator as { mapping?: unknown } | undefined;
  if (typeof discriminator === 'object' && discriminator !== null && 'mapping' in discriminator) {
    const { mapping: _mapping, ...rest } = discriminator;
    copy.discriminator = rest;
  }
  return copy as T;
}

let initialised: OpenAPIBackend | undefined;
const ready: Promise<OpenAPIBackend> = createSpecBackend({ selectByDiscriminator: true })
  .init()
  .then((api) => (initialised = api));
// Handled here so a broken document fails the tests that await it, not the whole process.
ready.catch(() => undefined);

/** The shared, initialised backend over openapi.yaml. */
export function openApiSpec(): Promise<OpenAPIBackend> {
  return ready;
}

// Imported by a test file: make its tests wait for the document.
if (typeof beforeAll === 'function') beforeAll(() => ready);

/**
 * Throws unless the response is one openapi.yaml documents for `method` and `path`: a documented
 * status (or `default`), a documented content type (ignoring parameters such as charset), a
 * body that validates against that content's schema, and the documented headers. A method and
 * path with no operation in the document must get the spec's 404 problem.
 */
export function expectResponseToMatchSpec(
  res: ResponseUnderTest,
  method: string,
  path: string,
): void {
  const api = initialisedSpec();
  const verb = method.trim().toLowerCase();
  const pathname = path.split('?')[0] ?? path;
  // Express answers HEAD with the GET route, minus the body.
  const operation = api.matchOperation({
    method: verb === 'head' ? 'get' : verb,
    path: pathname,
    headers: {},
  });
  const problems: string[] = [];
  const where = operation
    ? `${verb.toUpperCase()} ${pathname} (operation ${operation.operationId ?? '?'})`
    : `${verb.toUpperCase()} ${pathname} (no documented operation)`;

  let documented: ResponseObject | undefined;
  if (operation === undefined) {
    if (res.status !== 404) {
      problems.push(
        `no operation in openapi.yaml matches, so the answer must be 404, not ${res.status}`,
      );
    }
    documented = componentResponse(api, 'NotFound');
  } else {
    documented = responseFor(operation, res.status);
    if (documented === undefined) {
      const statuses = Object.keys(operation.responses ?? {}).join(', ');
      problems.push(`status ${res.status} is not documented (documented: ${statuses})`);
    }
  }

  if (documented !== undefined) {
    problems.push(...headerProblems(api, documented, res.headers));
    if (verb !== 'head') problems.push(...bodyProblems(api, operation, documented, res));
  }
  problems.push(...problemBodyProblems(res, operation !== undefined));

  if (problems.length > 0) {
    throw new Error(
      [
        `Response to ${where} does not match openapi.yaml:`,
        ...problems.map((problem) => `  - ${problem}`),
        `Status: ${res.status}; content-type: ${res.headers['content-type'] ?? '(none)'}`,
        `Body: ${truncate(res.text === '' ? JSON.stringify(res.body) : res.text)}`,
      ].join('\n'),
    );
  }
}

function initialisedSpec(): OpenAPIBackend {
  if (initialised === undefined) {
    throw new Error(
      'openapi.yaml is not loaded yet: call expectResponseToMatchSpec inside a test, or await ' +
        'openApiSpec() first (a broken document fails that promise with the reason).',
    );
  }
  return initialised;
}

/** The documented response for a status: exact, then `4XX`-style ranges, then `default`. */
function responseFor(operation: Operation, status: number): ResponseObject | undefined {
  const responses = (operation.responses ?? {}) as Record<string, ResponseObject>;
  const range = `${Math.floor(status / 100)}XX`;
  const key =
    Object.keys(responses).find((code) => code === String(status)) ??
    Object.keys(responses).find((code) => code.toUpperCase() === range) ??
    (Object.hasOwn(responses, 'default') ? 'default' : undefined);
  return key === undefined ? undefined : responses[key];
}

function componentResponse(api: OpenAPIBackend, name: string): ResponseObject {
  const responses = api.definition.components?.responses as
    Record<string, ResponseObject> | undefined;
  const response = responses?.[name];
  if (response === undefined) throw new Error(`openapi.yaml has no components/responses/${name}`);
  return response;
}

function bodyProblems(
  api: OpenAPIBackend,
  operation: Operation | undefined,
  documented: ResponseObject,
  res: ResponseUnderTest,
): string[] {
  const content = documented.content ?? {};
  const mediaTypes = Object.keys(content);
  const contentType = mediaTypeOf(res.headers['content-type']);
  if (mediaTypes.length === 0) {
    return res.text === '' ? [] : [`a body was sent, but none is documented for ${res.status}`];
  }
  if (contentType === undefined) return [`no content-type; documented: ${mediaTypes.join(', ')}`];
  const mediaType = mediaTypes.find((type) => type.toLowerCase() === contentType);
  if (mediaType === undefined) {
    return [
      `content-type ${contentType} is not documented for ${res.status} (documented: ${mediaTypes.join(', ')})`,
    ];
  }

  if (contentType === 'application/x-ndjson') {
    // The documented schema describes one line; every line must satisfy it.
    return res.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line, i) => {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          return [`line ${i + 1} is not valid JSON: ${String(error)}`];
        }
        return validateWithSchema(api, content[mediaType]?.schema, value).map(
          (error) => `line ${i + 1}: ${formatAjvError(error)}`,
        );
      });
  }

  let body: unknown;
  if (isJson(contentType)) {
    try {
      body = res.text === '' ? res.body : JSON.parse(res.text);
    } catch (error) {
      return [`the body is not valid JSON: ${String(error)}`];
    }
  } else {
    body = res.text;
  }

  // openapi-backend validates application/json bodies only; other media types (problem+json,
  // yaml) and the 404 for unknown routes are checked with the same ajv set-up, compiled here.
  const errors =
    operation !== undefined && mediaType === 'application/json'
      ? (api.validateResponse(body, operation, res.status).errors ?? [])
      : validateWithSchema(api, content[mediaType]?.schema, body);
  return errors.map(formatAjvError);
}

function headerProblems(
  api: OpenAPIBackend,
  documented: ResponseObject,
  headers: Record<string, string>,
): string[] {
  const problems: string[] = [];
  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    const value = headers[name.toLowerCase()];
    if (value === undefined) {
      if (header.required === true) problems.push(`header ${name} is missing`);
      continue;
    }
    for (const error of validateWithSchema(api, header.schema, value)) {
      problems.push(`header ${name}: ${formatAjvError(error)}`);
    }
  }
  return problems;
}

/**
 * What the document says of every problem: `status` is the HTTP status, `type` is the URN of
 * `code`, and a route it does not list answers `not_found`.
 */
function problemBodyProblems(res: ResponseUnderTest, routeIsDocumented: boolean): string[] {
  if (mediaTypeOf(res.headers['content-type']) !== 'application/problem+json') {
    return routeIsDocumented ? [] : ['an unknown route must answer application/problem+json'];
  }
  let problem: { status?: unknown; type?: unknown; code?: unknown };
  try {
    problem = JSON.parse(res.text) as typeof problem;
  } catch {
    return []; // already reported as invalid JSON
  }
  const problems: string[] = [];
  if (problem.status !== res.status) {
    problems.push(`problem status ${String(problem.status)} differs from the HTTP status`);
  }
  if (problem.type !== `urn:prospect-scorer:problem:${String(problem.code)}`) {
    problems.push(
      `problem type ${String(problem.type)} is not the URN of code ${String(problem.code)}`,
    );
  }
  if (!routeIsDocumented && problem.code !== 'not_found') {
    problems.push(`an unknown route must answer code not_found, not ${String(problem.code)}`);
  }
  return problems;
}

type Validate = ReturnType<ReturnType<OpenAPIBackend['validator']['getAjv']>['compile']>;
const validators = new WeakMap<SchemaObject, Validate>();

function validateWithSchema(
  api: OpenAPIBackend,
  schema: SchemaObject | undefined,
  value: unknown,
): AjvError[] {
  if (schema === undefined) return [];
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = api.validator.getAjv(ValidationContext.Response).compile(schema);
    validators.set(schema, validate);
  }
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

function formatAjvError(error: AjvError): string {
  const at = error.instancePath === '' ? '(root)' : error.instancePath;
  return `${at} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)} [${error.schemaPath}]`;
}

function mediaTypeOf(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === undefined || type === '' ? undefined : type;
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function truncate(text: string, max = 3000): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
