import { publicUrl } from '@onramp/config';
import { z } from 'zod';
import { eventTokenConfig } from '@onramp/sealing';

/** Every kind of invitation (`InvitationSpec`'s cases, as stored). */
export const INVITATION_KINDS = [
  'system_user',
  'account_owner',
  'end_user',
  'sub_account',
  'admin',
  'account_user',
  'account',
] as const;

const hours = z.coerce
  .number()
  .int()
  .min(1)
  .max(24 * 365);

/**
 * How long an invitation link lives, per kind: 24 hours for staff and customers, 21 days for
 * client users; the others a week.
 */
export const DEFAULT_TTL_HOURS: Record<(typeof INVITATION_KINDS)[number], number> = {
  system_user: 24,
  account_owner: 24,
  end_user: 24,
  sub_account: 24,
  admin: 168,
  account_user: 504,
  account: 168,
};

const ttlOverrides = z
  .string()
  .transform((value, context): unknown => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'expected a JSON object of kind → hours' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(INVITATION_KINDS), hours));

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The invitations service's own variables (validated with the common ones at start). */
export const invitationsConfig = z.object({
  // Where the acceptance links point: `${PUBLIC_URL}/invite/<token>`.
  PUBLIC_URL: publicUrl,
  // Link lifetime per kind in hours, e.g. {"account_user": 72}; kinds left out keep their default.
  INVITATION_TTL_HOURS: z.string().default('{}').pipe(ttlOverrides),
  // Resends of one invitation allowed per hour.
  INVITATION_RESENDS_PER_HOUR: positiveInt(5),
  // Lookups and acceptance attempts of one token allowed per 15 minutes.
  INVITATION_TOKEN_ATTEMPTS: positiveInt(20),
  // Failed joining-code redemptions of one user allowed per 15 minutes.
  JOINING_CODE_ATTEMPTS: positiveInt(10),
  // How often each replica looks for invitations that have expired, to announce them.
  EXPIRY_SWEEP_SECONDS: positiveInt(30),
  // Seals link tokens in InvitationIssued (notifications needs the same key to email them).
  ...eventTokenConfig,
});

export type InvitationsConfig = z.output<typeof invitationsConfig>;
export type InvitationKindName = (typeof INVITATION_KINDS)[number];

export function ttlHours(config: InvitationsConfig, kind: InvitationKindName): number {
  return config.INVITATION_TTL_HOURS[kind] ?? DEFAULT_TTL_HOURS[kind];
}
