import { applyDecorators, HttpCode, RequestMapping, RequestMethod } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { Permission } from '@onramp/authz';
import type { z } from 'zod';
import { OptionalAuthentication, Public, RequirePermission } from '../auth/access.decorators';
import { NO_QUERY, TAKES_UPLOAD } from '../http/http-conventions';
import { STRICT_RATE_LIMIT } from '../http/rate-limits';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * One public operation, declared once: the route that serves it (see `Endpoint`) and its entry in
 * the OpenAPI document are both derived from this, so the two cannot drift apart.
 */
export interface Operation {
  method: Method;
  /** OpenAPI template, e.g. `/v1/users/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /**
   * Who may call: anyone (with `callerIfPresent`, a bearer credential that is sent is checked and
   * its caller passed on), or a bearer credential, optionally holding a permission somewhere.
   */
  access: { public: true; callerIfPresent?: boolean } | { public: false; permission?: Permission };
  /** Credential-guessing routes are limited per client IP, far below the general limit. */
  strictRateLimit?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A request may leave the body out: it is then read as `{}` (see `ZodBodyPipe.of`). */
  optionalBody?: true;
  /** A multipart/form-data body: a binary `file` part and these fields (read by the handler). */
  upload?: z.ZodObject;
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType;
    /** The answer is a CSV file (text/csv), streamed, instead of JSON. */
    csv?: true;
    /** The answer is an HTML document (text/html) instead of JSON. */
    html?: true;
  };
  /**
   * Problems this operation may answer besides the ones every operation of its kind has: 401 for a
   * public operation that checks credentials sent in its body or a cookie (login, refresh), 403
   * for one that checks a CSRF token.
   */
  problems?: readonly (401 | 403 | 404 | 409 | 410)[];
  /** What a problem means here, where that is more precise than its general description. */
  problemDescriptions?: Partial<Record<401 | 403 | 404 | 409 | 410, string>>;
}

const methods: Record<Method, RequestMethod> = {
  get: RequestMethod.GET,
  post: RequestMethod.POST,
  patch: RequestMethod.PATCH,
  put: RequestMethod.PUT,
  delete: RequestMethod.DELETE,
};

/** Nest's spelling of an OpenAPI path: `/v1/users/{id}` → `/v1/users/:id`. */
export function routePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Serves an operation: route, success status, access rule and rate-limit class. */
export function Endpoint(operation: Operation): MethodDecorator {
  const { access } = operation;
  return applyDecorators(
    RequestMapping({ path: routePath(operation.path), method: methods[operation.method] }),
    HttpCode(operation.success.status),
    ...(access.public ? [access.callerIfPresent ? OptionalAuthentication() : Public()] : []),
    ...(!access.public && access.permission ? [RequirePermission(access.permission)] : []),
    RouteConfig({
      [STRICT_RATE_LIMIT]: operation.strictRateLimit === true,
      [NO_QUERY]: operation.query === undefined,
      [TAKES_UPLOAD]: operation.upload !== undefined,
    }),
  );
}
