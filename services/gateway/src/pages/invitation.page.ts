import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { invitations, type accounts } from '@onramp/contracts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import type { FastifyRequest } from 'fastify';
import { LINK_TOKEN } from '../http/common.schemas';
import { answered } from '../mappers/proto-values';
import {
  formFields,
  installFormPages,
  PAGE_ROUTE_CONFIG,
  sendPage,
  type PageOutcome,
} from './form-pages';
import { invitationTexts, type InvitationTexts, type PasswordRule } from './invitation-texts';
import {
  acceptedView,
  failureView,
  invalidLinkView,
  invitationView,
  type FormField,
  type FormProblems,
  type FormValues,
} from './invitation-views';
import { isPageLanguage, negotiatedLanguage, type PageLanguage } from './page-language';

type InvitationRequest = FastifyRequest<{ Params: { token: string } }>;

const method = invitations.InvitationsService.method;

/**
 * `GET /invite/{token}` — the page the invitation email links to — and the form it posts, which
 * accepts the invitation like `POST /v1/invitations/accept`. It speaks the invitation's language
 * and works without JavaScript.
 */
export async function installInvitationPage(app: NestFastifyApplication): Promise<void> {
  const rpc = app.get(RpcClient);
  await installFormPages(
    app,
    (scope) => {
      const options = { config: PAGE_ROUTE_CONFIG };
      scope.get('/invite/:token', options, async (request: InvitationRequest, reply) =>
        sendPage(reply, await show(rpc, request)),
      );
      scope.post('/invite/:token', options, async (request: InvitationRequest, reply) =>
        sendPage(reply, await submit(rpc, request)),
      );
    },
    (failure, request) => failureView(failure, languageOf(request)),
  );
}

/** The form tells the invitation's language; before a form was posted, the browser tells one. */
function languageOf(request: FastifyRequest): PageLanguage {
  const fromForm = formFields(request).get('language') ?? undefined;
  return isPageLanguage(fromForm)
    ? fromForm
    : negotiatedLanguage(request.headers['accept-language']);
}

/** The preview for a token, or undefined when the link is not valid (any more). */
async function lookup(
  rpc: RpcClient,
  token: string,
  ip: string,
): Promise<invitations.InvitationPreview | undefined> {
  if (!LINK_TOKEN.test(token)) return undefined;
  try {
    const { invitation } = await rpc.call(method.lookupInvitation, { token, ip });
    return answered('invitations', invitation, 'a preview');
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_token') return undefined;
    throw error;
  }
}

async function show(rpc: RpcClient, request: InvitationRequest): Promise<PageOutcome> {
  const { token } = request.params;
  const preview = await lookup(rpc, token, request.ip);
  return preview === undefined
    ? invalidLinkView(languageOf(request))
    : invitationView(token, preview);
}

async function submit(rpc: RpcClient, request: InvitationRequest): Promise<PageOutcome> {
  const { token } = request.params;
  const language = languageOf(request);
  const texts = invitationTexts[language];
  const fields = formFields(request);
  const values: FormValues = {
    name: fields.get('name')?.trim() ?? '',
    legalName: fields.get('legalName')?.trim() ?? '',
    registrationNumber: fields.get('registrationNumber')?.trim() ?? '',
    vatNumber: fields.get('vatNumber')?.trim() ?? '',
  };
  const password = fields.get('password') ?? '';
  const passwordsDiffer = password !== (fields.get('repeatPassword') ?? '');
  // The page comes back with the invitation as it is now and what was typed, but the password.
  const formAgain = async (
    status: number,
    problems: FormProblems,
    existingUser = false,
  ): Promise<PageOutcome> => {
    const preview = await lookup(rpc, token, request.ip);
    if (preview === undefined) return invalidLinkView(language);
    // A user with this email may have appeared since the page was shown.
    const current = existingUser ? { ...preview, existingUser } : preview;
    return invitationView(token, current, { status, problems, values });
  };

  if (!LINK_TOKEN.test(token)) return invalidLinkView(language);
  try {
    // Passwords that differ are not accepted, but the rest of the form is still checked, so
    // every problem is shown at once.
    await rpc.call(method.acceptInvitation, {
      token,
      name: values.name ?? '',
      password: password === '' ? undefined : password,
      company: companyOf(values),
      ip: request.ip,
      checkOnly: passwordsDiffer,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'invalid_token') return invalidLinkView(language);
    if (error.code === 'login_required') return formAgain(409, { fields: {}, general: [] }, true);
    if (error.code === 'validation_failed')
      return formAgain(400, problemsOf(error, texts, passwordsDiffer));
    // Rate limits and unavailable services: the scope's failure page explains them.
    throw error;
  }
  if (passwordsDiffer) return formAgain(400, problemsOf(undefined, texts, passwordsDiffer));
  return acceptedView(language);
}

function companyOf(
  values: FormValues,
): MessageInitShape<typeof accounts.CompanySchema> | undefined {
  const { legalName = '', registrationNumber = '', vatNumber = '' } = values;
  if (legalName === '' && registrationNumber === '' && vatNumber === '') return undefined;
  return { legalName, registrationNumber, vatNumber };
}

const PASSWORD_LENGTH = /^must be (\d+) to (\d+) characters long$/;
const PASSWORD_RULES: readonly [RegExp, PasswordRule][] = [
  [/upper-case/, 'upper'],
  [/lower-case/, 'lower'],
  [/digit/, 'digit'],
  [/special character/, 'special'],
  [/most common passwords/, 'common'],
];

/** Identity's password rules in the page's language; a rule it does not know stays as told. */
function passwordProblem(message: string, texts: InvitationTexts): string {
  const length = PASSWORD_LENGTH.exec(message);
  if (length) return texts.passwordLength(length[1] ?? '', length[2] ?? '');
  const rule = PASSWORD_RULES.find(([pattern]) => pattern.test(message))?.[1];
  return rule === undefined ? message : texts.passwordRules[rule];
}

/** The form field a violation of the invitations service is about, with its message. */
function fieldOf(
  violation: FieldViolation,
  texts: InvitationTexts,
): [field: FormField, message: string] | undefined {
  switch (violation.field) {
    case 'name':
      return ['name', texts.nameMissing];
    case 'password':
      return ['password', passwordProblem(violation.message, texts)];
    case 'company.legalName':
      return ['legalName', texts.legalNameMissing];
    case 'company.registrationNumber':
      return ['registrationNumber', texts.companyNumberMissing];
    case 'company.vatNumber':
      return ['vatNumber', texts.companyMissing];
    default:
      return undefined;
  }
}

/**
 * Every problem of the posted form in the page's language: the service's violations, each beside
 * its field, and passwords that differ; what belongs to no field is listed on its own.
 */
function problemsOf(
  error: DomainError | undefined,
  texts: InvitationTexts,
  passwordsDiffer: boolean,
): FormProblems {
  const fields: FormProblems['fields'] = {};
  const general = new Set<string>();
  for (const violation of error?.violations ?? []) {
    const found = fieldOf(violation, texts);
    if (found === undefined) {
      general.add(`${violation.field}: ${violation.message}`);
      continue;
    }
    const [field, message] = found;
    const problem = (fields[field] ??= {
      lead: field === 'password' ? texts.weakPassword : undefined,
      messages: [],
    });
    if (!problem.messages.includes(message)) problem.messages.push(message);
  }
  if (passwordsDiffer) fields.repeatPassword = { messages: [texts.passwordsDiffer] };
  if (error !== undefined && error.violations.length === 0) general.add(error.detail);
  return { fields, general: [...general] };
}
