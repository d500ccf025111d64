import { genders, MAX_NAME_LENGTH } from '@onramp/user-rules';
import { z } from 'zod';
import {
  emailAddress,
  id,
  languages,
  newPassword,
  searchQuery,
  timestamp,
} from '../http/common.schemas';
import { membershipBody, membershipResponse, role } from '../memberships/memberships.schemas';

const userStatuses = ['invited', 'active', 'deactivated', 'pending_approval'] as const;

const email = emailAddress().describe('Email address; stored trimmed and lower-cased');
const name = z.string().min(1).max(MAX_NAME_LENGTH).describe('Display name');
const language = z.enum(languages).describe("Language of the user's emails");
const gender = z.enum(genders);

export const createUserBody = z.strictObject({
  email,
  name,
  language: language.optional(),
  password: newPassword()
    .optional()
    .describe('When given the user is active at once; otherwise the user is invited'),
  memberships: z.array(membershipBody).max(20).default([]),
});

export const updateUserBody = z.strictObject({
  name: name.optional(),
  email: email.optional(),
  language: language.optional(),
  gender: gender.optional(),
});

export const listUsersQuery = z.strictObject({
  status: z.enum(userStatuses).optional(),
  role: role.optional(),
  platform: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe("true: the operator's staff (a platform membership); false: customers' users"),
  accountId: id().optional(),
  q: searchQuery('Matched against name and email'),
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const userResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string().describe(userStatuses.join(', ')),
  createdAt: timestamp().nullable(),
  activatedAt: timestamp().nullable(),
  lastLoginAt: timestamp().nullable(),
  gender: gender.nullable().describe('Null when never given'),
  externalId: z
    .string()
    .nullable()
    .describe("The user's id in the system they were imported from (read-only); null for none"),
  memberships: z.array(membershipResponse),
});

export const userPageResponse = z.object({
  items: z.array(userResponse),
  nextCursor: z.string().nullable().describe('Absent (null) on the last page'),
});

export type CreateUserBody = z.output<typeof createUserBody>;
export type UpdateUserBody = z.output<typeof updateUserBody>;
export type ListUsersQuery = z.output<typeof listUsersQuery>;
export type UserResponse = z.output<typeof userResponse>;
export type UserPageResponse = z.output<typeof userPageResponse>;
