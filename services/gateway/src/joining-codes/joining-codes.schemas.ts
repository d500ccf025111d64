import {
  DEFAULT_JOINING_CODE_VALID_DAYS,
  MAX_CODE_INPUT_LENGTH,
  MAX_JOINING_CODE_USES,
  MAX_JOINING_CODE_VALID_DAYS,
  MIN_CODE_INPUT_LENGTH,
} from '@onramp/invitation-rules';
import { z } from 'zod';
import { page, pageQueryFields, timestamp } from '../http/common.schemas';
import { accountRole } from '../invitations/invitations.schemas';

export const joiningCodeStatuses = ['active', 'revoked', 'expired', 'used_up'] as const;

export const createJoiningCodeBody = z.strictObject({
  role: accountRole.optional().describe('The account role the code grants; driver by default'),
  maxUses: z
    .number()
    .int()
    .min(1)
    .max(MAX_JOINING_CODE_USES)
    .optional()
    .describe('How many people may redeem it; unlimited when left out'),
  validDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_JOINING_CODE_VALID_DAYS)
    .optional()
    .describe(`${DEFAULT_JOINING_CODE_VALID_DAYS} by default`),
});

export const listJoiningCodesQuery = z.strictObject(pageQueryFields);

export const redeemJoiningCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .min(MIN_CODE_INPUT_LENGTH)
    .max(MAX_CODE_INPUT_LENGTH)
    .describe('As shared, e.g. K7QF-2M9D; case and dashes do not matter'),
});

export const joiningCodeResponse = z.object({
  id: z.string(),
  accountId: z.string(),
  code: z.string().describe('Readable, e.g. K7QF-2M9D; share it with the people who may join'),
  role: z.string(),
  status: z.string().describe(joiningCodeStatuses.join(', ')),
  maxUses: z.number().int().nullable().describe('null: unlimited'),
  uses: z.number().int(),
  expiresAt: timestamp().nullable(),
  createdAt: timestamp().nullable(),
  createdByUserId: z.string().nullable(),
});

export const joiningCodePageResponse = page(joiningCodeResponse);

export const redeemedJoiningCodeResponse = z.object({
  accountId: z.string(),
  accountName: z.string(),
  role: z.string().describe('The role the caller now holds in the account'),
});

export type CreateJoiningCodeBody = z.output<typeof createJoiningCodeBody>;
export type ListJoiningCodesQuery = z.output<typeof listJoiningCodesQuery>;
export type RedeemJoiningCodeBody = z.output<typeof redeemJoiningCodeBody>;
export type JoiningCodeResponse = z.output<typeof joiningCodeResponse>;
export type JoiningCodePageResponse = z.output<typeof joiningCodePageResponse>;
export type RedeemedJoiningCodeResponse = z.output<typeof redeemedJoiningCodeResponse>;
