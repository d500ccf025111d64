import { emailProblem } from '../system-users/invitee-rules';
import type { EmailProvider, EmailProviderChange, ProviderName } from './settings.api';

/**
 * The email provider form's rules, checked before saving so the operator sees them at once; the
 * API checks them again (and whether the server answers), and its refusal is shown as it comes.
 */
export interface ProviderValues {
  provider: ProviderName;
  /** Write-only: always empty at first, whatever is saved. */
  smtpUrl: string;
  /** Write-only: always empty at first, whatever is saved. */
  postmarkServerToken: string;
  from: string;
  messageStream: string;
}

export type ProviderProblem =
  | 'smtpUrlRequired'
  | 'smtpUrlInvalid'
  | 'tokenRequired'
  | 'tokenInvalid'
  | 'fromInvalid'
  | 'streamInvalid';

/** What the operator is told about the provider in use. */
export type ProviderState = 'configured' | 'logOnly' | 'notConfigured';

const SMTP_URL = /^smtps?:\/\/\S+$/;
const WITHOUT_SPACES = /^\S+$/;
const MESSAGE_STREAM = /^[a-z0-9_-]{1,100}$/;
const NAMED_ADDRESS = /^[^<>\r\n]*<([^<>\s]+)>$/;

export function providerState(current: EmailProvider): ProviderState {
  switch (current.provider) {
    case 'smtp':
    case 'postmark':
      return current.secretSet ? 'configured' : 'notConfigured';
    case 'log':
      return 'logOnly';
    case 'none':
      return 'notConfigured';
  }
}

/**
 * Whether leaving the secret empty keeps the one in use: the API keeps only a secret saved
 * through it for the same provider, never the environment's.
 */
export function keepsSecret(current: EmailProvider, provider: ProviderName): boolean {
  return current.source === 'settings' && current.provider === provider && current.secretSet;
}

export function initialProviderValues(current: EmailProvider): ProviderValues {
  return {
    provider: current.provider,
    smtpUrl: '',
    postmarkServerToken: '',
    from: current.from,
    messageStream: current.messageStream ?? '',
  };
}

function fromProblem(from: string): ProviderProblem | undefined {
  const trimmed = from.trim();
  if (trimmed === '') return undefined;
  const address = NAMED_ADDRESS.exec(trimmed)?.[1] ?? trimmed;
  return emailProblem(address) === undefined ? undefined : 'fromInvalid';
}

function secretProblem(
  secret: string,
  kept: boolean,
  pattern: RegExp,
  problems: { required: ProviderProblem; invalid: ProviderProblem },
): ProviderProblem | undefined {
  const trimmed = secret.trim();
  if (trimmed === '') return kept ? undefined : problems.required;
  return pattern.test(trimmed) ? undefined : problems.invalid;
}

export function providerProblems(
  values: ProviderValues,
  current: EmailProvider,
): Partial<Record<keyof ProviderValues, ProviderProblem>> {
  const kept = keepsSecret(current, values.provider);
  const problems: Partial<Record<keyof ProviderValues, ProviderProblem>> = {};
  const from = fromProblem(values.from);
  if (from !== undefined) problems.from = from;
  if (values.provider === 'smtp') {
    const smtpUrl = secretProblem(values.smtpUrl, kept, SMTP_URL, {
      required: 'smtpUrlRequired',
      invalid: 'smtpUrlInvalid',
    });
    if (smtpUrl !== undefined) problems.smtpUrl = smtpUrl;
  }
  if (values.provider === 'postmark') {
    const token = secretProblem(values.postmarkServerToken, kept, WITHOUT_SPACES, {
      required: 'tokenRequired',
      invalid: 'tokenInvalid',
    });
    if (token !== undefined) problems.postmarkServerToken = token;
    const stream = values.messageStream.trim();
    if (stream !== '' && !MESSAGE_STREAM.test(stream)) problems.messageStream = 'streamInvalid';
  }
  return problems;
}

/**
 * The form as the API takes it: only the chosen provider's fields; an empty secret is left out
 * (the saved one is kept), and so is an empty From (the installation's default is used).
 */
export function providerChange(values: ProviderValues): EmailProviderChange {
  const filled = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const from = filled(values.from);
  switch (values.provider) {
    case 'smtp':
      return { provider: 'smtp', smtpUrl: filled(values.smtpUrl), from };
    case 'postmark':
      return {
        provider: 'postmark',
        postmarkServerToken: filled(values.postmarkServerToken),
        messageStream: filled(values.messageStream),
        from,
      };
    case 'log':
    case 'none':
      return { provider: values.provider, from };
  }
}
