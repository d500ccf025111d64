import { MAX_LOGIN_PASSWORD_LENGTH } from '@onramp/user-rules';
import { z } from 'zod';
import { emailAddress, newPassword } from '../http/common.schemas';

// Bounds keep hashing and lookups cheap; the password policy itself is identity's.
const email = emailAddress();
const secret = z.string().min(1).max(MAX_LOGIN_PASSWORD_LENGTH);
const token = z.string().min(1).max(2048);

export const loginBody = z.strictObject({ email, password: secret });

export const refreshBody = z.strictObject({ refreshToken: token });

export const passwordResetBody = z.strictObject({ email });

export const passwordResetConfirmBody = z.strictObject({
  token,
  newPassword: newPassword().describe('The new password; it must satisfy the password policy'),
});

export const tokensResponse = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.iso.datetime(),
  tokenType: z.literal('Bearer'),
});

export const acceptedResponse = z.object({ status: z.literal('accepted') });

export type LoginBody = z.output<typeof loginBody>;
export type RefreshBody = z.output<typeof refreshBody>;
export type PasswordResetBody = z.output<typeof passwordResetBody>;
export type PasswordResetConfirmBody = z.output<typeof passwordResetConfirmBody>;
export type TokensResponse = z.output<typeof tokensResponse>;
export type AcceptedResponse = z.output<typeof acceptedResponse>;
