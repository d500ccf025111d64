import { errorKinds } from '@onramp/errors';
import { z } from 'zod';
import type { Operation } from './operation';
import { allOperations } from './operations';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'urn:onramp:problem:<code>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', enum: Object.keys(errorKinds) },
    correlationId: { type: 'string' },
    errorId: { type: 'string', description: 'present on 5xx answers; quote it to support' },
    violations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const problemDescriptions: Record<number, string> = {
  400: 'The request is not valid; `violations` names each offending field',
  401: 'No valid bearer access token or API key',
  403: 'The caller may not do this',
  404: 'The resource does not exist or is not visible to the caller',
  409: 'The request conflicts with the current state',
  410: 'The resource is no longer available',
  413: 'The request body is too large',
  415: 'The request body is not JSON',
  429: 'Too many requests; `Retry-After` says when to try again',
  503: 'A service or its database is unavailable for a moment; `Retry-After` says when to try again',
  504: 'A service needed for this request did not answer in time',
};

/** Problems that say when to try again. */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);
const retryAfterHeader = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 1 },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

function parameters(operation: Operation): object[] {
  const of = (where: 'path' | 'query', schema: z.ZodObject | undefined) =>
    Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
      name,
      in: where,
      required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(field as z.ZodType, 'input'),
    }));
  return [...of('path', operation.params), ...of('query', operation.query)];
}

function problemStatuses(operation: Operation): number[] {
  const statuses = new Set<number>(operation.problems ?? []);
  if (operation.body || operation.query || operation.params) statuses.add(400);
  if (operation.body || operation.upload) [413, 415].forEach((status) => statuses.add(status));
  if (operation.upload) statuses.add(400);
  const { access } = operation;
  if (!access.public) [401, 403].forEach((status) => statuses.add(status));
  if (access.public && access.callerIfPresent) statuses.add(401);
  // Every operation reaches a service through NATS, which may be restarting or slow.
  [429, 503, 504].forEach((status) => statuses.add(status));
  return [...statuses].sort((a, b) => a - b);
}

/** OpenAPI's way to say that a credential is optional: the empty requirement is one option. */
function security(access: Operation['access']): object[] {
  if (!access.public) return [{ bearer: [] }];
  return access.callerIfPresent ? [{}, { bearer: [] }] : [];
}

function describe(operation: Operation): object {
  const { success, access } = operation;
  const responses: Record<string, object> = {
    [success.status]: {
      description: success.description,
      ...(success.schema && {
        content: { 'application/json': { schema: jsonSchema(success.schema, 'output') } },
      }),
      ...(success.csv && {
        content: { 'text/csv; charset=utf-8': { schema: { type: 'string' } } },
      }),
      ...(success.html && {
        content: { 'text/html; charset=utf-8': { schema: { type: 'string' } } },
      }),
    },
  };
  for (const status of problemStatuses(operation)) {
    responses[status] = {
      description:
        operation.problemDescriptions?.[status as keyof Operation['problemDescriptions']] ??
        problemDescriptions[status],
      ...(RETRY_AFTER_STATUSES.has(status) && { headers: retryAfterHeader }),
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    ...(!access.public &&
      access.permission && {
        description: `Requires the permission \`${access.permission}\` in some scope; the result is limited to the caller's scope.`,
      }),
    security: security(access),
    ...(operation.params || operation.query ? { parameters: parameters(operation) } : {}),
    ...(operation.body && {
      requestBody: {
        required: operation.optionalBody !== true,
        content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } },
      },
    }),
    ...(operation.upload && { requestBody: uploadBody(operation.upload) }),
    responses,
  };
}

/** A multipart/form-data body: the file as binary, beside the form's fields. */
function uploadBody(fields: z.ZodObject): object {
  const schema = jsonSchema(fields, 'input') as { properties?: object; required?: string[] };
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          ...schema,
          properties: { ...schema.properties, file: { type: 'string', format: 'binary' } },
          required: [...(schema.required ?? []), 'file'],
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document, derived from the operations the gateway serves. */
export function openApiDocument(operations: readonly Operation[] = allOperations) {
  const paths: Record<string, Record<string, object>> = {};
  for (const operation of operations) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: describe(operation) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Onramp API',
      version: '0.1.0',
      description: 'Accounts, users and invitations for EV-charging operators.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An access token from POST /v1/auth/login, or an API key (onr_…)',
        },
      },
      schemas: { Problem: problemSchema },
    },
  };
}
