import { roleName } from '@onramp/authz';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { invitations } from '@onramp/contracts';
import { nonEmptyOrNull } from '../mappers/proto-values';
import { failureKind, type PageFailure, type PageOutcome } from './form-pages';
import { escapeHtml, page } from './html';
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

/** The fields of the form a problem can be about, by their element ids, in the form's order. */
export const FORM_FIELDS = [
  'name',
  'password',
  'repeatPassword',
  'legalName',
  'registrationNumber',
  'vatNumber',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What is wrong with one field: messages, under a lead when they need one. */
export interface FieldProblem {
  lead?: string;
  messages: string[];
}

/** Every problem of a posted form: each field's, shown beside it, and those of no field. */
export interface FormProblems {
  fields: Partial<Record<FormField, FieldProblem>>;
  general: string[];
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

const errorId = (field: string) => `${field}-error`;

/** A field's problems, beside it; the input names them as its description. */
function fieldError(field: string, { lead, messages }: FieldProblem): string {
  const intro = lead === undefined ? '' : `<p>${escapeHtml(lead)}</p>`;
  const items = messages.map((message) => `<li>${escapeHtml(message)}</li>`).join('');
  return `<div id="${errorId(field)}" class="error">${intro}<ul>${items}</ul></div>`;
}

interface InputOptions {
  attributes: string;
  value?: string;
  /** The id of a hint that describes the field. */
  hint?: string;
}

function input(
  id: FormField | 'email',
  label: string,
  { attributes, value, hint }: InputOptions,
  problem?: FieldProblem,
): string {
  const describedBy = [problem && errorId(id), hint].filter((part) => part !== undefined);
  const aria =
    (problem ? ' aria-invalid="true"' : '') +
    (describedBy.length > 0 ? ` aria-describedby="${describedBy.join(' ')}"` : '');
  const shown = value === undefined ? '' : ` value="${escapeHtml(value)}"`;
  return `<label for="${id}">${escapeHtml(label)}</label>
<input id="${id}" ${attributes}${aria}${shown}>${problem ? `\n${fieldError(id, problem)}` : ''}`;
}

/**
 * Above the form, announced at once: every problem, each field's linking to it, so the invitee
 * sees all that is wrong in one go and reaches each field without a script.
 */
function problemSummary(problems: FormProblems, texts: InvitationTexts): string {
  const fieldItems = FORM_FIELDS.flatMap((field) => {
    const problem = problems.fields[field];
    if (problem === undefined) return [];
    const text = `${texts[field]}: ${problem.messages.join(' ')}`;
    return [`<li><a href="#${field}">${escapeHtml(text)}</a></li>`];
  });
  const items = [
    ...fieldItems,
    ...problems.general.map((message) => `<li>${escapeHtml(message)}</li>`),
  ];
  if (items.length === 0) return '';
  return `<div role="alert" class="error"><p>${escapeHtml(texts.checkInput)}</p><ul>${items.join('')}</ul></div>`;
}

function companyFields(
  texts: InvitationTexts,
  values: FormValues,
  problems: FormProblems['fields'],
): string {
  return `<fieldset>
<legend>${escapeHtml(texts.company)}</legend>
<p id="company-hint" class="hint">${escapeHtml(texts.companyHint)}</p>
${input('legalName', texts.legalName, { attributes: 'name="legalName" type="text" autocomplete="organization" required maxlength="200"', value: values.legalName, hint: 'company-hint' }, problems.legalName)}
${input('registrationNumber', texts.registrationNumber, { attributes: 'name="registrationNumber" type="text" maxlength="50"', value: values.registrationNumber }, problems.registrationNumber)}
${input('vatNumber', texts.vatNumber, { attributes: 'name="vatNumber" type="text" maxlength="50"', value: values.vatNumber }, problems.vatNumber)}
</fieldset>`;
}

function acceptanceForm(
  token: string,
  preview: invitations.InvitationPreview,
  language: PageLanguage,
  texts: InvitationTexts,
  values: FormValues,
  problems: FormProblems['fields'],
): string {
  return `<form method="post" action="/invite/${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="language" value="${escapeHtml(language)}">
${input('email', texts.email, { attributes: 'type="email" readonly autocomplete="username"', value: preview.email })}
${input('name', texts.name, { attributes: 'name="name" type="text" autocomplete="name" required maxlength="200"', value: values.name ?? preview.name }, problems.name)}
${input('password', texts.password, { attributes: 'name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="1024"', hint: 'password-policy' }, problems.password)}
<p id="password-policy" class="hint">${escapeHtml(texts.passwordPolicy)}</p>
${input('repeatPassword', texts.repeatPassword, { attributes: 'name="repeatPassword" type="password" autocomplete="new-password" required maxlength="1024"' }, problems.repeatPassword)}
${preview.companyRequired ? companyFields(texts, values, problems) : ''}
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
  options: { status?: number; problems?: FormProblems; values?: FormValues } = {},
): PageOutcome {
  const language = languageOfPreview(preview);
  const texts = invitationTexts[language];
  const problems = options.problems ?? { fields: {}, general: [] };
  const action = preview.existingUser
    ? signInFirst(preview, texts)
    : acceptanceForm(token, preview, language, texts, options.values ?? {}, problems.fields);
  return {
    status: options.status ?? 200,
    html: page(
      texts.title,
      [introduction(preview, language, texts), problemSummary(problems, texts), action]
        .filter((part) => part !== '')
        .join('\n'),
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
