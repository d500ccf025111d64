import { z } from 'zod';
import { updateUserBody, userResponse } from '../users/users.schemas';

export const grantResponse = z.object({
  platform: z.boolean(),
  accountIds: z.array(z.string()),
  roles: z.array(z.string()),
  permissions: z.array(z.string()).describe('Effective: those of the roles plus additional ones'),
});

export const meResponse = z.object({
  user: userResponse.nullable().describe('Null when the caller is an API key'),
  apiKeyId: z.string().optional().describe('Present when the caller is an API key'),
  grants: z.array(grantResponse),
});

/** What everyone may change about themself; the email is changed by an administrator. */
export const updateMeBody = updateUserBody.pick({ name: true, language: true });

export type UpdateMeBody = z.output<typeof updateMeBody>;
export type GrantResponse = z.output<typeof grantResponse>;
export type MeResponse = z.output<typeof meResponse>;
