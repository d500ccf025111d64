/**
 * The stable error codes of Onramp. A code is part of the public API (it becomes the problem
 * `type`): add new codes freely, never rename or remove one.
 */
export const errorKinds = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'This action is not allowed' },
  not_found: { status: 404, title: 'The resource does not exist' },
  method_not_allowed: { status: 405, title: 'The method is not allowed on this resource' },
  not_acceptable: { status: 406, title: 'No acceptable representation is available' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  // One answer for unknown, used, revoked, superseded and expired links, so none can be told apart.
  invalid_token: { status: 410, title: 'This link is not valid (any more)' },
  invalid_code: { status: 410, title: 'This code is not valid (any more)' },
  login_required: { status: 409, title: 'This email already has an account: log in to accept' },
  gone: { status: 410, title: 'The resource is no longer available' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The request body has an unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'An unexpected error occurred' },
  service_unavailable: { status: 503, title: 'A service needed for this request is unavailable' },
  upstream_timeout: {
    status: 504,
    title: 'A service needed for this request did not answer in time',
  },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorKinds;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorKinds, value);
}
