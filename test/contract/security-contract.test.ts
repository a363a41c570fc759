import { readOpenApiDocument } from '../helpers/openapi-contract';

type Operation = {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
};

const document = readOpenApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>)
    .filter(([method]) => ['get', 'post', 'options', 'put', 'delete', 'patch'].includes(method))
    .map(([method, op]) => ({ method, path, op })),
);

/** Operations anyone may call: liveness, readiness, the contract, and CORS preflights. */
const OPEN = ['GET /healthz', 'GET /readyz', 'GET /openapi.yaml', 'OPTIONS /v1/score'];

describe('openapi.yaml describes who may call what', () => {
  it('defines the bearer and X-API-Key schemes and requires one by default', () => {
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual([
      'apiKeyHeader',
      'bearerKey',
    ]);
    expect(document.security).toEqual([{ bearerKey: [] }, { apiKeyHeader: [] }]);
  });

  it.each(operations.map(({ method, path, op }) => [`${method.toUpperCase()} ${path}`, op]))(
    '%s states its security and, when protected, its 401, 403 and 429',
    (name, op) => {
      const operation = op as Operation;
      expect(operation.security).toBeDefined();
      if (OPEN.includes(name as string)) {
        expect(operation.security).toEqual([]);
      } else {
        expect(operation.security).toEqual([{ bearerKey: [] }, { apiKeyHeader: [] }]);
        expect(Object.keys(operation.responses ?? {})).toEqual(
          expect.arrayContaining(['401', '403', '429']),
        );
      }
    },
  );
});
