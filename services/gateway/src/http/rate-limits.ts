import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@onramp/errors';
import type { FastifyRequest } from 'fastify';

/** Route config flag (set by `Endpoint`) of routes limited per client IP at the strict rate. */
export const STRICT_RATE_LIMIT = 'strictRateLimit';

declare module 'fastify' {
  interface FastifyContextConfig {
    [STRICT_RATE_LIMIT]?: boolean;
  }
}

export interface RateLimits {
  strictPerMinute: number;
  perMinute: number;
}

/**
 * Two classes of limits, counted per gateway replica: the credential-guessing routes per client
 * IP and route at a strict rate, everything else per credential (per IP without one). Health
 * probes are never limited, so a busy client cannot get a replica restarted.
 */
export async function installRateLimits(
  app: NestFastifyApplication,
  limits: RateLimits,
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (request) => (isStrict(request) ? limits.strictPerMinute : limits.perMinute),
    keyGenerator: (request) =>
      isStrict(request)
        ? `ip:${request.routeOptions.url ?? ''}:${request.ip}`
        : `credential:${credentialKey(request)}`,
    allowList: (request) => request.url.startsWith('/health/'),
    errorResponseBuilder: (_request, context) =>
      DomainError.rateLimited(
        `too many requests; try again in ${context.after}`,
        context.ttl / 1000,
      ),
  });
}

function isStrict(request: FastifyRequest): boolean {
  return request.routeOptions.config[STRICT_RATE_LIMIT] === true;
}

/** Hashed so that credentials are never kept in clear, not even in the limiter's memory. */
function credentialKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  return authorization === undefined
    ? `anonymous:${request.ip}`
    : createHash('sha256').update(authorization).digest('base64url');
}
