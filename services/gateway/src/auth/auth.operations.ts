import type { Operation } from '../openapi/operation';
import {
  acceptedResponse,
  loginBody,
  passwordResetBody,
  passwordResetConfirmBody,
  refreshBody,
  tokensResponse,
} from './auth.schemas';

const tag = 'Authentication';

export const authOperations = {
  login: {
    method: 'post',
    path: '/v1/auth/login',
    operationId: 'login',
    summary: 'Log in with email and password',
    tag,
    access: { public: true },
    strictRateLimit: true,
    body: loginBody,
    success: { status: 200, description: 'An access and a refresh token', schema: tokensResponse },
    problems: [401],
    problemDescriptions: { 401: 'The email and password do not match an active user' },
  },
  refresh: {
    method: 'post',
    path: '/v1/auth/refresh',
    operationId: 'refreshTokens',
    summary: 'Exchange a refresh token (once) for a new token pair',
    tag,
    access: { public: true },
    strictRateLimit: true,
    body: refreshBody,
    success: { status: 200, description: 'A new token pair', schema: tokensResponse },
    problems: [401],
    problemDescriptions: {
      401: 'The refresh token is unknown, expired or already used (which ends its session)',
    },
  },
  logout: {
    method: 'post',
    path: '/v1/auth/logout',
    operationId: 'logout',
    summary: "End the caller's session",
    tag,
    access: { public: false },
    success: { status: 204, description: 'The session has ended' },
  },
  requestPasswordReset: {
    method: 'post',
    path: '/v1/auth/password-reset',
    operationId: 'requestPasswordReset',
    summary: 'Email a password reset link',
    tag,
    access: { public: true },
    strictRateLimit: true,
    body: passwordResetBody,
    success: {
      status: 202,
      description: 'Always the same answer, whether or not the email belongs to a user',
      schema: acceptedResponse,
    },
  },
  confirmPasswordReset: {
    method: 'post',
    path: '/v1/auth/password-reset/confirm',
    operationId: 'confirmPasswordReset',
    summary: 'Set a new password with a reset token',
    tag,
    access: { public: true },
    strictRateLimit: true,
    body: passwordResetConfirmBody,
    success: { status: 204, description: 'The password was changed' },
  },
} satisfies Record<string, Operation>;
