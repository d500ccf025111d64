import { MAX_CODE_INPUT_LENGTH, MIN_CODE_INPUT_LENGTH } from '@onramp/invitation-rules';
import { MAX_NAME_LENGTH } from '@onramp/user-rules';
import { z } from 'zod';
import {
  emailAddress,
  id,
  languages,
  newPassword,
  page,
  pageQueryFields,
  searchQuery,
  timestamp,
} from '../http/common.schemas';

export const registrationStatuses = ['pending', 'approved', 'rejected'] as const;

export const putRegistrationSettingsBody = z.strictObject({
  enabled: z.boolean().describe('Whether drivers may register themselves with the code'),
  rotateCode: z
    .boolean()
    .optional()
    .describe('Issue a new registration code; the old one stops working'),
});

export const registerBody = z.strictObject({
  registrationCode: z
    .string()
    .trim()
    .min(MIN_CODE_INPUT_LENGTH)
    .max(MAX_CODE_INPUT_LENGTH)
    .describe("The account's registration code, as the account shared it"),
  email: emailAddress(),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  password: newPassword().describe(
    '8+ characters with upper and lower case letters, digits and special characters',
  ),
  language: z
    .enum(languages)
    .optional()
    .describe("Of the emails; the account's language by default"),
});

export const listRegistrationsQuery = z.strictObject({
  status: z.enum(registrationStatuses).optional().describe('pending: the drivers "to be approved"'),
  accountId: id().optional(),
  q: searchQuery("Part of the registrant's email or name, case-insensitive"),
  ...pageQueryFields,
});

export const registrationSettingsResponse = z.object({
  accountId: z.string(),
  enabled: z.boolean(),
  registrationCode: z
    .string()
    .nullable()
    .describe('The code drivers register with; null when disabled'),
  updatedAt: timestamp().nullable(),
});

export const registrationResponse = z.object({
  id: z.string(),
  accountId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.string().describe(registrationStatuses.join(', ')),
  createdAt: timestamp().nullable(),
  decidedAt: timestamp().nullable(),
  decidedByUserId: z.string().nullable(),
});

/** What the registrant learns: that the registration waits for approval, nothing of the account. */
export const registeredResponse = registrationResponse.pick({
  id: true,
  email: true,
  name: true,
  status: true,
  createdAt: true,
});

export const registrationPageResponse = page(registrationResponse);

export type PutRegistrationSettingsBody = z.output<typeof putRegistrationSettingsBody>;
export type RegisterBody = z.output<typeof registerBody>;
export type ListRegistrationsQuery = z.output<typeof listRegistrationsQuery>;
export type RegistrationSettingsResponse = z.output<typeof registrationSettingsResponse>;
export type RegistrationResponse = z.output<typeof registrationResponse>;
export type RegisteredResponse = z.output<typeof registeredResponse>;
export type RegistrationPageResponse = z.output<typeof registrationPageResponse>;
