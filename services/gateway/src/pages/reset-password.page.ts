import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { identity } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import { LINK_TOKEN } from '../http/common.schemas';
import {
  failureKind,
  formFields,
  installFormPages,
  PAGE_ROUTE_CONFIG,
  sendPage,
  type PageFailure,
  type PageOutcome,
} from './form-pages';
import { alertList, escapeHtml, page } from './html';

const INVALID_LINK =
  'This link is invalid or has expired. Ask for a new one from the sign-in page.';

/**
 * `GET /reset-password?token=…` — the page the reset email links to — and the form it posts. It
 * works without JavaScript and asks identity to confirm, like `POST /v1/auth/password-reset/confirm`.
 */
export async function installResetPasswordPage(app: NestFastifyApplication): Promise<void> {
  const rpc = app.get(RpcClient);
  await installFormPages(
    app,
    (scope) => {
      scope.get('/reset-password', { config: PAGE_ROUTE_CONFIG }, (request, reply) => {
        const token = new URLSearchParams(request.url.split('?')[1] ?? '').get('token') ?? '';
        return sendPage(reply, LINK_TOKEN.test(token) ? form(token) : invalidLink());
      });
      scope.post('/reset-password', { config: PAGE_ROUTE_CONFIG }, async (request, reply) =>
        sendPage(reply, await submit(rpc, request)),
      );
    },
    failurePage,
  );
}

async function submit(rpc: RpcClient, request: FastifyRequest): Promise<PageOutcome> {
  const fields = formFields(request);
  const token = fields.get('token') ?? '';
  const newPassword = fields.get('newPassword') ?? '';
  if (!LINK_TOKEN.test(token)) return invalidLink();
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
    if (error.code === 'rate_limited') {
      return {
        ...form(token, ['Too many attempts; try again later.'], 429),
        retryAfterSeconds: error.retryAfterSeconds,
      };
    }
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

function form(token: string, errors: string[] = [], status = 200): PageOutcome {
  const errorList = alertList(errors);
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

function invalidLink(): PageOutcome {
  return {
    status: 400,
    html: page('Link not valid', `<p role="alert" class="error">${escapeHtml(INVALID_LINK)}</p>`),
  };
}

function failurePage(failure: PageFailure): PageOutcome {
  const message = `<p role="alert" class="error">${escapeHtml(failureMessage(failure))}</p>`;
  const { status, retryAfterSeconds } = failure;
  return { status, retryAfterSeconds, html: page('Password not changed', message) };
}

function failureMessage(failure: PageFailure): string {
  const failed = failureKind(failure);
  switch (failed.kind) {
    case 'rate_limited':
      return 'Too many attempts; try again later.';
    case 'unreadable_form':
      return 'The form could not be read. Open the link from the email again.';
    case 'unavailable':
      return 'The service is temporarily unavailable. Try again in a few minutes.';
    case 'failed':
      return `Something went wrong. Try again later; if it keeps failing, tell support the error id ${failed.errorId}.`;
  }
}
