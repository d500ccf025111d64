import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';

/** The emails this service renders; each has a template per language under templates/<kind>/. */
export const MESSAGE_KINDS = [
  'password-reset',
  'security-report',
  'invitation',
  'invitation-resend',
  'registration-approved',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = 'en';

/** `nl-BE`, `NL` or `nl_NL` → `nl`; anything without templates → English. */
export function resolveLanguage(requested: string): Language {
  const base = requested.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : FALLBACK_LANGUAGE;
}

/** Operator branding and the recipient's name: every message kind receives these. */
export interface CommonVariables {
  brandName: string;
  /** Empty when the operator has not configured a support address. */
  supportEmail: string;
  name: string;
}

export interface PasswordResetVariables extends CommonVariables {
  resetUrl: string;
  expiresAt: string;
}

export interface LoginLine {
  at: string;
  ip: string;
  userAgent: string;
  succeeded: boolean;
}

export interface SessionLine {
  createdAt: string;
  lastUsedAt: string;
  ip: string;
  userAgent: string;
}

export interface SecurityReportVariables extends CommonVariables {
  generatedAt: string;
  logins: LoginLine[];
  sessions: SessionLine[];
}

/** The first email of an invitation, and the email of each resend (whose link replaces the last). */
export interface InvitationVariables extends CommonVariables {
  /** Who invited; empty if their name is not known. */
  inviterName: string;
  /** The account to join, or the new sub-account's parent; empty for the operator's staff. */
  accountName: string;
  /** The sub-account the invitee will own; empty for other invitations. */
  newAccountName: string;
  /** The roles in the recipient's words, e.g. "account owner and driver". */
  roles: string;
  acceptUrl: string;
  expiresAt: string;
  /** The inviter's own words, empty when none: user data, always inserted escaped. */
  personalMessage: string;
}

export interface RegistrationApprovedVariables extends CommonVariables {
  /** The account the driver registered with; empty if not known. */
  accountName: string;
}

export interface MessageVariables {
  'password-reset': PasswordResetVariables;
  'security-report': SecurityReportVariables;
  invitation: InvitationVariables;
  'invitation-resend': InvitationVariables;
  'registration-approved': RegistrationApprovedVariables;
}

/**
 * The variables a template may use: `true` for a value, a nested shape for an object or for the
 * items of a list (`{{#each logins}}`). Templates using anything else are refused at start.
 */
export interface VariableShape {
  [name: string]: true | VariableShape;
}

const common: VariableShape = { brandName: true, supportEmail: true, name: true };
const invitation: VariableShape = {
  ...common,
  inviterName: true,
  accountName: true,
  newAccountName: true,
  roles: true,
  acceptUrl: true,
  expiresAt: true,
  personalMessage: true,
};

export const MESSAGE_VARIABLES: Record<MessageKind, VariableShape> = {
  'password-reset': { ...common, resetUrl: true, expiresAt: true },
  'security-report': {
    ...common,
    generatedAt: true,
    logins: { at: true, ip: true, userAgent: true, succeeded: true },
    sessions: { createdAt: true, lastUsedAt: true, ip: true, userAgent: true },
  },
  invitation,
  'invitation-resend': invitation,
  'registration-approved': { ...common, accountName: true },
};

/**
 * The variables of a shape as the API lists them: `name`, and `logins.at` for a field of each item
 * of the list `logins`.
 */
export function variableNames(shape: VariableShape, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([name, inner]) => [
    `${prefix}${name}`,
    ...(inner === true ? [] : variableNames(inner, `${prefix}${name}.`)),
  ]);
}

export function isMessageKind(value: string): value is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(value);
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export interface LayoutVariables {
  language: Language;
  subject: string;
  brandName: string;
  supportEmail: string;
  /** The operator's logo (https), empty for none; the name is shown instead. */
  logoUrl: string;
  /** #rrggbb, checked at start. */
  accentColour: string;
  /** The message kind's rendered part; the only value the HTML layout inserts unescaped. */
  body: string;
  footer: { automated: string; help: string };
}

export const LAYOUT_VARIABLES: VariableShape = {
  language: true,
  subject: true,
  brandName: true,
  supportEmail: true,
  logoUrl: true,
  accentColour: true,
  body: true,
  footer: { automated: true, help: true },
};

/** The layout's own words, per language. */
export const LAYOUT_TEXT: Record<Language, LayoutVariables['footer']> = {
  en: {
    automated: 'This email was sent automatically; replies are not read.',
    help: 'Questions? Write to',
  },
  nl: {
    automated: 'Deze e-mail is automatisch verstuurd; antwoorden worden niet gelezen.',
    help: 'Vragen? Schrijf naar',
  },
  de: {
    automated: 'Diese E-Mail wurde automatisch versendet; Antworten werden nicht gelesen.',
    help: 'Fragen? Schreiben Sie an',
  },
  fr: {
    automated: 'Cet e-mail a été envoyé automatiquement ; les réponses ne sont pas lues.',
    help: 'Des questions ? Écrivez à',
  },
};

const DATE_STYLE: Intl.DateTimeFormatOptions = {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
};

/** A moment as the recipient reads it (UTC: the service does not know their time zone). */
export function formatMoment(moment: Date, language: Language): string {
  return `${new Intl.DateTimeFormat(language, DATE_STYLE).format(moment)} UTC`;
}

/** An event's moment as formatMoment shows it; empty when the event has none. */
export function formatTimestamp(timestamp: Timestamp | undefined, language: Language): string {
  return timestamp ? formatMoment(timestampDate(timestamp), language) : '';
}
