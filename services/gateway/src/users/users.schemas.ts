import { z } from 'zod';

/** Body of POST /v1/users: the contract clients see, validated once at the gateway. */
export const createUserBody = z.strictObject({
  email: z.string().max(254).describe('Email address; stored trimmed and lower-cased, unique'),
  name: z.string().max(200).describe('Display name, 1 to 200 characters'),
});

export const userResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});

export type CreateUserBody = z.output<typeof createUserBody>;
export type UserResponse = z.output<typeof userResponse>;
