import { eventTokenConfig } from '@onramp/sealing';
import { z } from 'zod';
import { PASSWORD_POLICY_NAMES, type PasswordPolicyName } from '../credentials/password-policy';

/** One HMAC key for access tokens; `kid` names it in the token header so keys can rotate. */
export interface SigningKey {
  kid: string;
  secret: Uint8Array;
}

const MIN_SECRET_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** `kid:secret,kid:secret`: the first key signs, every key verifies (rotation without logouts). */
const signingKeys = z.string().transform((value, context): SigningKey[] => {
  const keys: SigningKey[] = [];
  for (const entry of value.split(',').map((part) => part.trim())) {
    const [kid, secret, ...rest] = entry.split(':');
    if (!kid || !secret || rest.length > 0 || !BASE64URL.test(secret)) {
      context.addIssue({ code: 'custom', message: 'expected comma-separated kid:base64url pairs' });
      return z.NEVER;
    }
    const bytes = Buffer.from(secret, 'base64url');
    if (bytes.length < MIN_SECRET_BYTES) {
      context.addIssue({
        code: 'custom',
        message: `the secret of key "${kid}" must be at least ${MIN_SECRET_BYTES} bytes`,
      });
      return z.NEVER;
    }
    if (keys.some((key) => key.kid === kid)) {
      context.addIssue({ code: 'custom', message: `key id "${kid}" appears twice` });
      return z.NEVER;
    }
    keys.push({ kid, secret: new Uint8Array(bytes) });
  }
  return keys;
});

const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * Names a policy went by before, each read as the policy it stands for, so that deployments which
 * still set them keep starting. Deprecated: set the policy's own name.
 */
const DEPRECATED_PASSWORD_POLICY_NAMES = new Map<string, PasswordPolicyName>([
  ['seeds', 'composition'],
]);

const passwordPolicy = z
  .string()
  .default('composition')
  .transform((name) => DEPRECATED_PASSWORD_POLICY_NAMES.get(name) ?? name)
  .pipe(z.enum(PASSWORD_POLICY_NAMES));

/** The identity service's own variables (validated with the common ones at start). */
export const identityConfig = z.object({
  JWT_SIGNING_KEYS: signingKeys,
  ACCESS_TOKEN_TTL_SECONDS: seconds(900),
  REFRESH_TOKEN_TTL_SECONDS: seconds(2_592_000),
  PASSWORD_RESET_TTL_SECONDS: seconds(1_800),
  PASSWORD_POLICY: passwordPolicy,
  // Both or neither; checked with the password policy when the admin is bootstrapped.
  ONRAMP_ADMIN_EMAIL: z.email().optional(),
  ONRAMP_ADMIN_PASSWORD: z.string().min(1).optional(),
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_DELAY_SECONDS: seconds(900),
  // Seals reset tokens in PasswordResetIssued (notifications needs the same key to email them).
  ...eventTokenConfig,
});

export type IdentityConfig = z.output<typeof identityConfig>;
