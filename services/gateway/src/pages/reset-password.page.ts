import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { identity } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import { STRICT_RATE_LIMIT } from '../http/rate-limits';
import { escapeHtml, page, PAGE_HEADERS } from './html';

/** The shape of a reset token; anything else is not worth asking identity about. */
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
const MAX_FORM_BYTES = 16 * 1024;
const INVALID_LINK =
  'This link is invalid or has expired. Ask for a new one from the sign-in page.';

type Outcome = { status: number; html: string };

/**
 * `GET /reset-password?token=…` — the page the reset email links to — and the form it posts. It
 * works without JavaScript and asks identity to confirm, like `POST /v1/auth/password-reset/confirm`.
 * Form bodies are accepted here only: the plugin scope keeps their parser away from the JSON API.
 */
export async function installResetPasswordPage(app: NestFastifyApplication): Promise<void> {
  const rpc = app.get(RpcClient);
  await app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
      (_request, body, parsed) => parsed(null, new URLSearchParams(String(body))),
    );
    const config = { [STRICT_RATE_LIMIT]: true };
    scope.get('/reset-password', { config }, (request, reply) => {
      const token = new URLSearchParams(request.url.split('?')[1] ?? '').get('token') ?? '';
      return send(reply, TOKEN.test(token) ? form(token) : invalidLink());
    });
    scope.post('/reset-password', { config }, async (request, reply) =>
      send(reply, await submit(rpc, request)),
    );
    done();
  });
}

async function submit(rpc: RpcClient, request: FastifyRequest): Promise<Outcome> {
  const fields = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
  const token = fields.get('token') ?? '';
  const newPassword = fields.get('newPassword') ?? '';
  if (!TOKEN.test(token)) return invalidLink();
  if (newPassword !== (fields.get('repeatPassword') ?? '')) {
    return form(token, ['The two passwords are not the same.'], 400);
  }
  try {
    await rpc.call(identity.IdentityService.method.confirmPasswordReset, { token, newPassword });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const weaknesses = error.violations.filter((violation) => violation.field === 'newPassword');
    if (weaknesses.length > 0) {
      return form(
        token,
        weaknesses.map((violation) => violation.message),
        400,
      );
    }
    if (error.code === 'rate_limited')
      return form(token, ['Too many attempts; try again later.'], 429);
    if (error.code === 'validation_failed') return invalidLink();
    throw error;
  }
  return {
    status: 200,
    html: page(
      'Password changed',
      '<p role="status">Your password has been changed. You can now sign in with it; every other session was signed out.</p>',
    ),
  };
}

function form(token: string, errors: string[] = [], status = 200): Outcome {
  const errorList =
    errors.length === 0
      ? ''
      : `<div role="alert" class="error"><ul>${errors.map((error) => `<li>${escapeHtml(error)}</li>`).join('')}</ul></div>`;
  return {
    status,
    html: page(
      'Choose a new password',
      `${errorList}
<form method="post" action="/reset-password">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<label for="newPassword">New password</label>
<input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required minlength="8" maxlength="1024" aria-describedby="rules">
<p id="rules">At least 8 characters, with upper and lower case letters, a digit and a special character.</p>
<label for="repeatPassword">Repeat the new password</label>
<input id="repeatPassword" name="repeatPassword" type="password" autocomplete="new-password" required maxlength="1024">
<button type="submit">Change password</button>
</form>`,
    ),
  };
}

function invalidLink(): Outcome {
  return {
    status: 400,
    html: page('Link not valid', `<p role="alert" class="error">${escapeHtml(INVALID_LINK)}</p>`),
  };
}

function send(reply: FastifyReply, outcome: Outcome): FastifyReply {
  return reply.status(outcome.status).headers(PAGE_HEADERS).send(outcome.html);
}
