import { roleName } from '@onramp/authz';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { invitations } from '@onramp/contracts';
import { nonEmptyOrNull } from '../mappers/proto-values';
import { failureKind, type PageFailure, type PageOutcome } from './form-pages';
import { alertList, escapeHtml, page } from './html';
import { invitationTexts, type InvitationTexts } from './invitation-texts';
import { isPageLanguage, type PageLanguage } from './page-language';

// The HTML of the acceptance page: every text comes from the catalogue in the page's language
// and every value is escaped here.

/** What the invitee typed, kept when the form comes back with problems (never the password). */
export interface FormValues {
  name?: string;
  legalName?: string;
  registrationNumber?: string;
  vatNumber?: string;
}

/** Problems to show above the form, each group under its own lead. */
export interface Alert {
  lead?: string;
  messages: string[];
}

export function languageOfPreview(preview: invitations.InvitationPreview): PageLanguage {
  return isPageLanguage(preview.language) ? preview.language : 'en';
}

const paragraph = (text: string, attributes = '') => `<p${attributes}>${escapeHtml(text)}</p>`;

function introduction(
  preview: invitations.InvitationPreview,
  language: PageLanguage,
  texts: InvitationTexts,
): string {
  const parts = [
    paragraph(
      texts.invitation({
        inviter: nonEmptyOrNull(preview.inviterName),
        account: nonEmptyOrNull(preview.accountName),
        newAccount: nonEmptyOrNull(preview.newAccountName),
      }),
    ),
  ];
  if (preview.roles.length > 0) {
    parts.push(paragraph(texts.roles(preview.roles.map((role) => roleName(role, language)))));
  }
  if (preview.personalMessage !== '') {
    parts.push(
      `<h2>${escapeHtml(texts.personalMessage(nonEmptyOrNull(preview.inviterName)))}</h2>`,
      `<blockquote>${escapeHtml(preview.personalMessage)}</blockquote>`,
    );
  }
  if (preview.expiresAt !== undefined) {
    const date = new Intl.DateTimeFormat(texts.locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(timestampDate(preview.expiresAt));
    parts.push(paragraph(texts.expires(date), ' class="hint"'));
  }
  return parts.join('\n');
}

const input = (
  id: string,
  label: string,
  attributes: string,
  value: string | undefined = undefined,
) =>
  `<label for="${id}">${escapeHtml(label)}</label>
<input id="${id}" ${attributes}${value === undefined ? '' : ` value="${escapeHtml(value)}"`}>`;

function companyFields(texts: InvitationTexts, values: FormValues): string {
  return `<fieldset>
<legend>${escapeHtml(texts.company)}</legend>
<p id="company-hint" class="hint">${escapeHtml(texts.companyHint)}</p>
${input('legalName', texts.legalName, 'name="legalName" type="text" autocomplete="organization" required maxlength="200" aria-describedby="company-hint"', values.legalName)}
${input('registrationNumber', texts.registrationNumber, 'name="registrationNumber" type="text" maxlength="50"', values.registrationNumber)}
${input('vatNumber', texts.vatNumber, 'name="vatNumber" type="text" maxlength="50"', values.vatNumber)}
</fieldset>`;
}

function acceptanceForm(
  token: string,
  preview: invitations.InvitationPreview,
  language: PageLanguage,
  texts: InvitationTexts,
  values: FormValues,
): string {
  return `<form method="post" action="/invite/${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="language" value="${escapeHtml(language)}">
${input('email', texts.email, 'type="email" readonly autocomplete="username"', preview.email)}
${input('name', texts.name, 'name="name" type="text" autocomplete="name" required maxlength="200"', values.name ?? preview.name)}
${input('password', texts.password, 'name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="1024" aria-describedby="password-policy"')}
<p id="password-policy" class="hint">${escapeHtml(texts.passwordPolicy)}</p>
${input('repeatPassword', texts.repeatPassword, 'name="repeatPassword" type="password" autocomplete="new-password" required maxlength="1024"')}
${preview.companyRequired ? companyFields(texts, values) : ''}
<button type="submit">${escapeHtml(texts.accept)}</button>
</form>`;
}

function signInFirst(preview: invitations.InvitationPreview, texts: InvitationTexts): string {
  return `<h2>${escapeHtml(texts.existingUserTitle)}</h2>
${paragraph(texts.existingUser(preview.email), ' role="alert"')}
${paragraph(texts.existingUserHow, ' class="hint"')}`;
}

/**
 * The invitation as its invitee sees it, with the form to accept it, or for someone who already
 * has a user, how to accept it while signed in.
 */
export function invitationView(
  token: string,
  preview: invitations.InvitationPreview,
  options: { status?: number; alerts?: Alert[]; values?: FormValues } = {},
): PageOutcome {
  const language = languageOfPreview(preview);
  const texts = invitationTexts[language];
  const alerts = (options.alerts ?? []).map(({ lead, messages }) => alertList(messages, lead));
  const action = preview.existingUser
    ? signInFirst(preview, texts)
    : acceptanceForm(token, preview, language, texts, options.values ?? {});
  return {
    status: options.status ?? 200,
    html: page(
      texts.title,
      [introduction(preview, language, texts), ...alerts, action].join('\n'),
      language,
    ),
  };
}

export function acceptedView(language: PageLanguage): PageOutcome {
  const texts = invitationTexts[language];
  return {
    status: 200,
    html: page(texts.acceptedTitle, paragraph(texts.accepted, ' role="status"'), language),
  };
}

/** One answer for unknown, used, replaced, cancelled and expired links alike. */
export function invalidLinkView(language: PageLanguage): PageOutcome {
  const texts = invitationTexts[language];
  return {
    status: 410,
    html: page(
      texts.invalidTitle,
      paragraph(texts.invalid, ' role="alert" class="error"'),
      language,
    ),
  };
}

export function failureView(failure: PageFailure, language: PageLanguage): PageOutcome {
  const texts = invitationTexts[language];
  const [title, message] = failureTexts(failure, texts);
  return {
    status: failure.status,
    retryAfterSeconds: failure.retryAfterSeconds,
    html: page(title, paragraph(message, ' role="alert" class="error"'), language),
  };
}

function failureTexts(
  failure: PageFailure,
  texts: InvitationTexts,
): [title: string, message: string] {
  const failed = failureKind(failure);
  switch (failed.kind) {
    case 'rate_limited': {
      const minutes = Math.ceil((failed.retryAfterSeconds ?? 60) / 60);
      return [texts.rateLimitedTitle, texts.rateLimited(minutes)];
    }
    case 'unreadable_form':
      return [texts.failedTitle, texts.unreadableForm];
    case 'unavailable':
      return [texts.unavailableTitle, texts.unavailable];
    case 'failed':
      return [texts.failedTitle, texts.failed(failed.errorId)];
  }
}
