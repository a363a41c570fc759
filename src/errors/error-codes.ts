/**
 * The stable error codes clients can rely on, each with its HTTP status and title. openapi.yaml
 * lists the same set; a contract test keeps the two in step.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'The request has invalid fields' },
  malformed_json: { status: 400, title: 'The body is not valid JSON' },
  forbidden_key: { status: 400, title: 'The body uses a reserved key' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'This key may not do this' },
  not_found: { status: 404, title: 'No such resource' },
  payload_too_large: { status: 413, title: 'The body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rule_set_invalid: { status: 422, title: 'The candidate rule set is invalid' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused with a different body' },
  idempotency_in_progress: {
    status: 409,
    title: 'A request with this Idempotency-Key is in progress',
  },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal_error: { status: 500, title: 'Internal error' },
  shutting_down: { status: 503, title: 'The service is shutting down' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Problem `type` URIs are stable identifiers, not links, so they use a URN rather than a host. */
export const problemType = (code: ErrorCode): string => `urn:prospect-scorer:problem:${code}`;
