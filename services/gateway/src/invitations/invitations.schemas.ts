import { MAX_ACCOUNT_TEXT } from '@onramp/account-rules';
import { roles, type Role } from '@onramp/authz';
import { MAX_INVITATION_ACCOUNTS, MAX_PERSONAL_MESSAGE_LENGTH } from '@onramp/invitation-rules';
import { MAX_NAME_LENGTH } from '@onramp/user-rules';
import { z } from 'zod';
import {
  accountTypes,
  companyBody,
  levels,
  reimbursementRate,
  reimbursementRateAnswer,
  relations,
} from '../accounts/accounts.schemas';
import {
  emailAddress,
  id,
  languages,
  LINK_TOKEN,
  newPassword,
  page,
  pageQueryFields,
  searchQuery,
  timestamp,
} from '../http/common.schemas';
import { permission } from '../memberships/memberships.schemas';

export const invitationKinds = [
  'system_user',
  'account_owner',
  'end_user',
  'sub_account',
  'admin',
  'account_user',
  'account',
] as const;
export const invitationStatuses = [
  'pending',
  'accepted',
  'revoked',
  'expired',
  'superseded',
] as const;
export const displayStatuses = ['invited', 'active', 'deactivated'] as const;
export const emailStatuses = [
  'not_requested',
  'queued',
  'sent',
  'not_sent',
  'failed',
  'bounced',
] as const;
export const endUserRoles = ['driver', 'account_owner'] as const;

const rolesHeldIn = (scope: 'platform' | 'account'): Role[] =>
  (Object.keys(roles) as Role[]).filter((role) => roles[role].scope === scope);
const systemRole = z.enum(rolesHeldIn('platform'));
export const accountRole = z.enum(rolesHeldIn('account'));

const token = z
  .string()
  .regex(LINK_TOKEN, 'must be the token of an invitation link')
  .describe('The token of the invitation link (the last part of /invite/{token})');

const personName = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const accountName = z
  .string()
  .trim()
  .min(1)
  .max(MAX_ACCOUNT_TEXT)
  .describe('The new account, easy to reference and searchable');
const accountType = z.enum(accountTypes).describe('business needs company details on acceptance');
const rate = reimbursementRate.optional();

/** What every invitation asks, whatever it grants. */
const inviteeFields = {
  email: emailAddress().describe('The invitee; the acceptance link is sent here'),
  name: personName
    .optional()
    .describe('Prefilled on the acceptance page; the invitee may change it'),
  language: z
    .enum(languages)
    .optional()
    .describe("Of the email and the acceptance page; by default the account's language, else en"),
  personalMessage: z
    .string()
    .max(MAX_PERSONAL_MESSAGE_LENGTH)
    .optional()
    .describe('Shown, escaped, in the email and on the acceptance page'),
  sendEmail: z
    .boolean()
    .optional()
    .describe(
      'false: no email is sent and the answer carries the acceptance link, once (needs invitations.share_link); true by default',
    ),
};

/** What a sub-account invitation says of the account acceptance creates. */
const subAccountFields = {
  relation: z
    .enum(relations)
    .describe('employee (automated reimbursement) or subsidiary (manual reimbursement)'),
  accountName,
  accountType,
  reimbursementRateEurPerKwh: rate,
};

/** POST /v1/accounts/{id}/sub-accounts: a sub_account invitation whose parent is in the path. */
export const inviteSubAccountBody = z
  .strictObject({ ...inviteeFields, ...subAccountFields })
  .describe('The invitee and the sub-account created, under this account, when they accept');

/** One variant per kind, each with the fields of what the invitee becomes on acceptance. */
export const createInvitationBody = z.discriminatedUnion('kind', [
  z
    .strictObject({
      ...inviteeFields,
      kind: z.literal('system_user'),
      roles: z.array(systemRole).min(1).max(10).describe('System roles on the platform'),
    })
    .describe('Operator staff'),
  z
    .strictObject({
      ...inviteeFields,
      kind: z.literal('account_owner'),
      accountId: id().describe('The customer account they will own'),
    })
    .describe("A customer's account owner"),
  z
    .strictObject({
      ...inviteeFields,
      kind: z.literal('end_user'),
      accountId: id().describe("The customer's account the new sub-account goes under"),
      accountName,
      role: z.enum(endUserRoles).describe("The invitee's role in the new sub-account"),
      accountType,
      reimbursementRateEurPerKwh: rate,
    })
    .describe('An end user of a customer: a sub-account created on acceptance'),
  z
    .strictObject({
      ...inviteeFields,
      kind: z.literal('sub_account'),
      parentAccountId: id(),
      ...subAccountFields,
    })
    .describe('A sub-account, created on acceptance with the invitee as its owner'),
  z
    .strictObject({
      ...inviteeFields,
      kind: z.literal('admin'),
      accountId: id(),
      level: z.enum(levels).describe('enterprise, company or location admin of the account'),
    })
    .describe("An admin at the account's level"),
  z
    .strictObject({
      ...inviteeFields,
      kind: z.literal('account_user'),
      accountIds: z
        .array(id())
        .min(1)
        .max(MAX_INVITATION_ACCOUNTS)
        .describe('The companies or clients the user may act on (the permission level)'),
      role: accountRole,
      additionalPermissions: z.array(permission).max(50).optional(),
    })
    .describe('A user of one or more clients'),
  z
    .strictObject({
      ...inviteeFields,
      kind: z.literal('account'),
      accountId: id(),
      role: accountRole.optional().describe('no_role by default'),
    })
    .describe('One account role in one account'),
]);

export const listInvitationsQuery = z.strictObject({
  status: z.enum(invitationStatuses).optional(),
  kind: z.enum(invitationKinds).optional(),
  accountId: id().optional().describe('Only invitations into this account'),
  q: searchQuery('Part of the email, case-insensitive'),
  ...pageQueryFields,
});

export const resendInvitationBody = z.strictObject({
  sendEmail: inviteeFields.sendEmail,
});

export const lookupInvitationQuery = z.strictObject({ token });

export const acceptInvitationBody = z.strictObject({
  token,
  name: personName
    .optional()
    .describe(
      "A new user's name as they want it; left out, the name the invitation was made with. A signed-in user keeps their own",
    ),
  password: newPassword()
    .optional()
    .describe(
      'Required for a new user: 8+ characters with upper and lower case letters, digits and special characters',
    ),
  company: companyBody
    .optional()
    .describe('Required when the preview says companyRequired (business sub-accounts)'),
});

// Answers: what the invitations service tells, in camelCase; empty values are null.

const emailStatusResponse = z
  .object({
    status: z.string().describe(emailStatuses.join(', ')),
    reason: z
      .string()
      .nullable()
      .describe('Why it was not sent, failed or bounced, e.g. provider_not_configured'),
    updatedAt: timestamp().nullable(),
  })
  .describe("The email of the invitation's latest send");

const invitationFields = {
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  language: z.string(),
  status: z.string().describe(invitationStatuses.join(', ')),
  displayStatus: z
    .string()
    .describe('invited (pending or expired), active (accepted), deactivated (revoked, superseded)'),
  personalMessage: z.string().nullable(),
  accountIds: z.array(z.string()).describe('The accounts it applies to; empty for system users'),
  invitedByUserId: z.string().nullable(),
  createdAt: timestamp().nullable(),
  expiresAt: timestamp().nullable(),
  acceptedAt: timestamp().nullable(),
  acceptedUserId: z.string().nullable(),
  createdAccountId: z
    .string()
    .nullable()
    .describe('The account created on acceptance (end_user, sub_account)'),
  emailStatus: emailStatusResponse,
  resendCount: z.number().int(),
};

export const invitationEventResponse = z.object({
  action: z.string(),
  at: timestamp().nullable(),
  byUserId: z.string().nullable().describe('Empty for the system and for the invitee'),
  ip: z.string().nullable().describe('Where from, when a person did it'),
  detail: z.string().nullable(),
});

/** The invitation with the fields of its kind; `extra` adds what an answer carries besides. */
function invitationVariants<Extra extends z.ZodRawShape>(extra: Extra) {
  const variant = <Kind extends (typeof invitationKinds)[number], Fields extends z.ZodRawShape>(
    kind: Kind,
    fields: Fields,
  ) => z.object({ ...invitationFields, kind: z.literal(kind), ...fields, ...extra });
  return z.discriminatedUnion('kind', [
    variant('system_user', { roles: z.array(z.string()) }),
    variant('account_owner', { accountId: z.string() }),
    variant('end_user', {
      accountId: z.string(),
      accountName: z.string(),
      role: z.string(),
      accountType: z.string(),
      reimbursementRateEurPerKwh: reimbursementRateAnswer,
    }),
    variant('sub_account', {
      parentAccountId: z.string(),
      relation: z.string(),
      accountName: z.string(),
      accountType: z.string(),
      reimbursementRateEurPerKwh: reimbursementRateAnswer,
    }),
    variant('admin', { accountId: z.string(), level: z.string() }),
    variant('account_user', {
      accountIds: z.array(z.string()),
      role: z.string(),
      additionalPermissions: z.array(z.string()),
    }),
    variant('account', { accountId: z.string(), role: z.string() }),
  ]);
}

const acceptanceUrl = z
  .string()
  .optional()
  .describe('Only when sendEmail was false: the acceptance link, never shown again');

export const invitationSummaryResponse = invitationVariants({});
export const invitationResponse = invitationVariants({ history: z.array(invitationEventResponse) });
export const invitationPageResponse = page(invitationSummaryResponse);
export const createdInvitationResponse = invitationVariants({
  history: z.array(invitationEventResponse),
  acceptanceUrl,
  supersededInvitationId: z
    .string()
    .nullable()
    .describe('The pending invitation of the same email and scope that this one replaced'),
});
export const resentInvitationResponse = invitationVariants({
  history: z.array(invitationEventResponse),
  acceptanceUrl,
});

export const invitationPreviewResponse = z.object({
  kind: z.string().describe(invitationKinds.join(', ')),
  email: z.string(),
  name: z.string().nullable(),
  language: z.string(),
  accountName: z
    .string()
    .nullable()
    .describe("The account joined, or the new sub-account's parent"),
  newAccountName: z.string().nullable().describe('The sub-account that will be created'),
  companyRequired: z.boolean().describe('Whether acceptance needs company details'),
  personalMessage: z.string().nullable(),
  inviterName: z.string().nullable(),
  expiresAt: timestamp().nullable(),
  existingUser: z
    .boolean()
    .describe('A user with this email exists: they accept while logged in (bearer token)'),
  roles: z.array(z.string()).describe('The roles that will be granted'),
});

export const acceptedInvitationResponse = z.object({
  userId: z.string(),
  invitationId: z.string(),
  accountId: z
    .string()
    .nullable()
    .describe('The sub-account created, for end_user and sub_account'),
});

export type CreateInvitationBody = z.output<typeof createInvitationBody>;
export type InviteSubAccountBody = z.output<typeof inviteSubAccountBody>;
export type ListInvitationsQuery = z.output<typeof listInvitationsQuery>;
export type ResendInvitationBody = z.output<typeof resendInvitationBody>;
export type LookupInvitationQuery = z.output<typeof lookupInvitationQuery>;
export type AcceptInvitationBody = z.output<typeof acceptInvitationBody>;
export type InvitationSummaryResponse = z.output<typeof invitationSummaryResponse>;
export type InvitationResponse = z.output<typeof invitationResponse>;
export type InvitationPageResponse = z.output<typeof invitationPageResponse>;
export type CreatedInvitationResponse = z.output<typeof createdInvitationResponse>;
export type ResentInvitationResponse = z.output<typeof resentInvitationResponse>;
export type InvitationPreviewResponse = z.output<typeof invitationPreviewResponse>;
export type AcceptedInvitationResponse = z.output<typeof acceptedInvitationResponse>;
export type InvitationEventResponse = z.output<typeof invitationEventResponse>;
